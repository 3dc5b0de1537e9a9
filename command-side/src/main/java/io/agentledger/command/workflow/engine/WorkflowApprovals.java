package io.agentledger.command.workflow.engine;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.approval.ApprovalQueries.FindApproval;
import io.agentledger.kernel.approval.ApprovalView;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.DecideHumanNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows up the approvals of human nodes: a decision (or an expiry) ends the node's waiting attempt,
 * and the execution is woken to go on. Deciding twice changes nothing.
 */
@Component
@ProcessingGroup(WorkflowApprovals.GROUP)
public class WorkflowApprovals {

    public static final String GROUP = "workflow-approvals";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WorkflowWorkQueue queue;

    public WorkflowApprovals(CommandGateway commands, QueryGateway queries, WorkflowWorkQueue queue) {
        this.commands = commands;
        this.queries = queries;
        this.queue = queue;
    }

    @EventHandler
    void on(ApprovalDecided event) {
        if (!ofWorkflow(event.runId())) {
            return;
        }
        boolean approved = event.decision() != ApprovalDecision.REJECT;
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("decision", event.decision().name().toLowerCase());
        output.put("decided_by", event.decidedBy());
        output.put("comments", event.comments());
        output.put("payload", event.payload());
        decide(event.approvalId(), event.runId(), event.tenantId(), approved, output,
                "rejected by " + event.decidedBy() + (event.comments() == null ? "" : ": " + event.comments()));
    }

    @EventHandler
    void on(ApprovalExpired event) {
        if (ofWorkflow(event.runId())) {
            decide(event.approvalId(), event.runId(), event.tenantId(), false, null,
                    "the approval expired at " + event.deadline() + " without a decision");
        }
    }

    private void decide(String approvalId, String executionId, String tenantId, boolean approved, Object output,
                        String error) {
        ApprovalView approval = queries.query(new FindApproval(approvalId, tenantId), ApprovalView.class).join();
        if (approval == null) {
            return;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DecideHumanNode(executionId, approval.node(),
                approved, output, approved ? null : error)).andMetaData(Map.of(AuditMetadata.USER_ID, NodeRunner.ACTOR,
                AuditMetadata.TENANT_ID, tenantId, AuditMetadata.CORRELATION_ID, executionId)));
        queue.wake(executionId);
    }

    private static boolean ofWorkflow(String runId) {
        return runId != null && runId.startsWith(IdPrefix.WORKFLOW_EXECUTION.value() + "_");
    }
}
