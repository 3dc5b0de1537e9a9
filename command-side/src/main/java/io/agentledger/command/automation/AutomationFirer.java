package io.agentledger.command.automation;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.automation.TriggerRules.Match;
import io.agentledger.kernel.automation.AutomationCommands.RecordFiring;
import io.agentledger.kernel.automation.AutomationView;
import io.agentledger.kernel.automation.AutomationWorkflow;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.id.Digests;
import io.agentledger.kernel.goal.GoalCommands.CreateGoal;
import io.agentledger.kernel.goal.GoalCommands.StartGoal;
import io.agentledger.kernel.goal.GoalCommands.StartedGoal;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.run.RunCommands;
import io.agentledger.kernel.run.RunCommands.CreateRun;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowQueries.WorkflowDefinitionAt;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts what a firing asks for. Every id — the firing's, the goal's, the run's, the execution's — derives
 * from the automation and the trigger (the event, or the synced item whichever sync saw it), and every step is skipped when what it makes
 * exists already: handled again (redelivery, a restart mid-way, a reset token), a firing completes what
 * is missing and never starts anything twice.
 */
@Component
class AutomationFirer {

    static final String ACTOR = "system:automation";
    private static final Logger log = LoggerFactory.getLogger(AutomationFirer.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore events;
    private final TransactionTemplate transaction;

    AutomationFirer(CommandGateway commands, QueryGateway queries, EventStore events, TransactionTemplate transaction) {
        this.commands = commands;
        this.queries = queries;
        this.events = events;
        this.transaction = transaction;
    }

    void fire(AutomationView automation, String eventId, String eventType, Match match) {
        String digest = Digests.sha256(match.item() == null ? automation.id() + "@" + eventId
                : automation.id() + "#" + match.item(), 26);
        String firingId = "fire_" + digest;
        AutomationWorkflow workflow = automation.workflow();
        Map<String, Object> parameters = workflow.parameters() == null ? Map.of() : workflow.parameters();
        if (workflow.workflowId() != null) {
            String executionId = "wfx_a" + digest;
            record(automation, firingId, eventId, eventType, match, "workflow_execution", executionId, null,
                    parameters);
            startWorkflow(automation, workflow.workflowId(), executionId, firingId, eventType, match, parameters);
            return;
        }
        String goalId = "goal_a" + digest;
        String runId = "run_a" + digest;
        record(automation, firingId, eventId, eventType, match, "goal", goalId, runId, parameters);
        String text = AutomationTemplates.goalText(workflow.template(), parameters, match.subject());
        AutonomyLevel autonomy = AutomationTemplates.autonomy(parameters);
        if (!exists(goalId)) {
            send(automation, firingId, new CreateGoal(goalId, automation.tenantId(), automation.createdBy(), text,
                    autonomy, Map.of(), AutomationTemplates.priority(parameters), null, null, Map.of("automation_id",
                            automation.id(), "firing_id", firingId, "trigger_event_id", eventId)));
        }
        if (events.readEvents(goalId, 0).asStream().noneMatch(e -> e.getPayload() instanceof GoalStarted)) {
            transaction.executeWithoutResult(status -> {
                StartedGoal started = send(automation, firingId, new StartGoal(goalId, automation.tenantId(),
                        automation.createdBy(), runId));
                send(automation, firingId, new CreateRun(runId, goalId, automation.tenantId(), automation.createdBy(),
                        RunCommands.GRAPH_VERSION, started.text(), started.autonomyLevel()));
            });
        }
    }

    private void record(AutomationView automation, String firingId, String eventId, String eventType, Match match,
                        String startedType, String startedId, String runId, Map<String, Object> parameters) {
        if (!exists(firingId)) {
            send(automation, firingId, new RecordFiring(firingId, automation.tenantId(), automation.id(), eventId,
                    eventType, match.item(), startedType, startedId, runId, parameters));
        }
    }

    private void startWorkflow(AutomationView automation, String workflowId, String executionId, String firingId,
                               String eventType, Match match, Map<String, Object> parameters) {
        if (exists(executionId)) {
            return;
        }
        WorkflowDefinitionAt saved = queries.query(new FindWorkflowDefinition(workflowId, automation.tenantId()),
                WorkflowDefinitionAt.class).join();
        if (saved == null || !saved.isActive()) {
            log.warn("Automation {} fired but its workflow {} is gone or inactive", automation.id(), workflowId);
            return;
        }
        Map<String, Object> input = new LinkedHashMap<>(parameters);
        input.put("automation_id", automation.id());
        input.put("trigger", Map.of("event_type", eventType, "subject", match.subject()));
        send(automation, firingId, new StartWorkflowExecution(executionId, automation.tenantId(), workflowId,
                saved.version(), ACTOR, saved.definition(), input, ExecutionMode.FULL, "automation", firingId));
    }

    private boolean exists(String aggregateId) {
        return events.readEvents(aggregateId, 0).hasNext();
    }

    @SuppressWarnings("unchecked")
    private <R> R send(AutomationView automation, String firingId, Object command) {
        return (R) commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetadata.USER_ID, ACTOR, AuditMetadata.TENANT_ID, automation.tenantId(),
                AuditMetadata.CORRELATION_ID, firingId)));
    }
}
