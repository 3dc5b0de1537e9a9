package io.agentledger.command.run.engine;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.goal.GoalCommands.ReleaseGoal;
import io.agentledger.kernel.run.RunCommands.FailRun;
import io.agentledger.kernel.run.RunCommands.ResolveStepApproval;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * What follows from decisions and endings: a decided approval resumes its run, an expired one fails
 * it, and a run that ends without completing hands its goal back. Every command here is idempotent,
 * so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(RunPolicies.GROUP)
public class RunPolicies {

    public static final String GROUP = "run-policies";

    private final CommandGateway commands;

    public RunPolicies(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ApprovalDecided event) {
        if (!isRun(event.runId())) {
            return;
        }
        send(event.tenantId(), event.runId(), new ResolveStepApproval(event.runId(), event.approvalId(),
                event.decision(), event.payload(), event.decidedBy()));
    }

    @EventHandler
    void on(ApprovalExpired event) {
        if (!isRun(event.runId())) {
            return;
        }
        send(event.tenantId(), event.runId(), new FailRun(event.runId(), RunGraph.EXECUTOR, "Approval "
                + event.approvalId() + " expired at " + event.deadline() + " without a decision"));
    }

    @EventHandler
    void on(RunFailed event) {
        send(event.tenantId(), event.runId(), new ReleaseGoal(event.goalId(), event.runId(), "failed"));
    }

    @EventHandler
    void on(RunCancelled event) {
        send(event.tenantId(), event.runId(), new ReleaseGoal(event.goalId(), event.runId(), "cancelled"));
    }

    /** Workflow executions gate their human nodes with approvals too; they follow them up themselves. */
    private static boolean isRun(String runId) {
        return runId != null && runId.startsWith("run_");
    }

    private void send(String tenantId, String runId, Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    AuditMetadata.USER_ID, RunEngine.ACTOR, AuditMetadata.TENANT_ID, tenantId,
                    AuditMetadata.CORRELATION_ID, runId)));
        } catch (AggregateNotFoundException gone) {
            // the goal or run was deleted: nothing is left to follow up
        }
    }
}
