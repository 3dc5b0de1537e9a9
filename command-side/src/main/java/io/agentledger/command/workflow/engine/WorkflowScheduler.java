package io.agentledger.command.workflow.engine;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.workflow.WorkflowValidator;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowScheduleFired;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecutionVersion;
import io.agentledger.kernel.workflow.WorkflowQueries.WorkflowDefinitionAt;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Starts the execution a schedule firing asks for. Its id comes from the workflow and the time that came
 * due, so the firing starts one execution however often it is handled (redelivery, replay, two nodes).
 */
@Component
@ProcessingGroup(WorkflowScheduler.GROUP)
public class WorkflowScheduler {

    public static final String GROUP = "workflow-scheduler";
    static final String ACTOR = "system:scheduler";
    private static final Logger log = LoggerFactory.getLogger(WorkflowScheduler.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WorkflowValidator validator;

    public WorkflowScheduler(CommandGateway commands, QueryGateway queries, WorkflowValidator validator) {
        this.commands = commands;
        this.queries = queries;
        this.validator = validator;
    }

    @EventHandler
    void on(WorkflowScheduleFired fired) {
        WorkflowDefinitionAt workflow = queries.query(new FindWorkflowDefinition(fired.workflowId(), fired.tenantId()),
                WorkflowDefinitionAt.class).join();
        if (workflow == null || !workflow.isActive()) {
            return;
        }
        var problems = validator.problems(workflow.definition(), fired.tenantId());
        if (!problems.isEmpty()) {
            log.warn("Scheduled run of workflow {} skipped: {}", fired.workflowId(), problems);
            return;
        }
        String executionId = IdPrefix.WORKFLOW_EXECUTION.value() + "_s" + NodeRunner.digest(fired.workflowId() + "@"
                + fired.dueAt());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new StartWorkflowExecution(executionId,
                    fired.tenantId(), fired.workflowId(), workflow.version(), ACTOR, workflow.definition(),
                    Map.of("scheduled_for", fired.dueAt().toString()), ExecutionMode.FULL, "schedule",
                    fired.dueAt().toString())).andMetaData(Map.of(AuditMetadata.USER_ID, ACTOR,
                    AuditMetadata.TENANT_ID, fired.tenantId(), AuditMetadata.CORRELATION_ID, executionId)));
        } catch (RuntimeException refused) {
            Long started = queries.query(new FindWorkflowExecutionVersion(executionId), Long.class).join();
            if (started == null || started < 0) {
                throw refused;
            }
            log.debug("Scheduled execution {} was started before", executionId);
        }
    }
}
