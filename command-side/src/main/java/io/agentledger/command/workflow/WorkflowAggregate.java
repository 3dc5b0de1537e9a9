package io.agentledger.command.workflow;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.command.work.CronSchedule;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.WorkflowCommands.CreateWorkflow;
import io.agentledger.kernel.workflow.WorkflowCommands.DeleteWorkflow;
import io.agentledger.kernel.workflow.WorkflowCommands.ReviseWorkflow;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowCreated;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowDeleted;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowRevised;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowScheduleFired;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A workflow: each save of its definition is a new version; executions copy the version they run. A
 * {@code schedule} trigger keeps one deadline (persistent, fired once in the cluster) at its next time.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class WorkflowAggregate {

    static final String SCHEDULE = "workflow-schedule";

    @AggregateIdentifier
    private String workflowId;
    private String tenantId;
    private WorkflowDefinition definition;
    private boolean active;

    protected WorkflowAggregate() {
    }

    @CommandHandler
    public WorkflowAggregate(CreateWorkflow command, DeadlineManager deadlines) {
        WorkflowShape.check(command.name(), command.definition());
        Schedule.of(command.definition());
        apply(new WorkflowCreated(command.workflowId(), command.tenantId(), command.createdBy(), command.name().strip(),
                command.description(), command.definition(), command.isActive()));
        schedule(deadlines, command.definition(), command.isActive(), now());
    }

    @CommandHandler
    public long handle(ReviseWorkflow command, DeadlineManager deadlines) {
        requireTenant(command.tenantId());
        if (command.name() == null && command.description() == null && command.definition() == null
                && command.isActive() == null) {
            throw DomainException.invalid("The update changes nothing");
        }
        if (command.name() != null || command.definition() != null) {
            WorkflowShape.check(command.name() == null ? "unchanged" : command.name(), command.definition());
            Schedule.of(command.definition());
        }
        apply(new WorkflowRevised(workflowId, tenantId, command.revisedBy(),
                command.name() == null ? null : command.name().strip(), command.description(), command.definition(),
                command.isActive()));
        if (command.definition() != null || command.isActive() != null) {
            deadlines.cancelAllWithinScope(SCHEDULE);
            schedule(deadlines, command.definition() != null ? command.definition() : definition,
                    command.isActive() != null ? command.isActive() : active, now());
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteWorkflow command, DeadlineManager deadlines) {
        requireTenant(command.tenantId());
        deadlines.cancelAllWithinScope(SCHEDULE);
        apply(new WorkflowDeleted(workflowId, tenantId, command.deletedBy()));
        return getVersion();
    }

    /** The schedule came due: it is recorded (an execution starts for it) and the next time is set. */
    @DeadlineHandler(deadlineName = SCHEDULE)
    void fire(Instant dueAt, DeadlineManager deadlines) {
        CronSchedule schedule = Schedule.of(definition);
        if (schedule == null || !active) {
            return;
        }
        apply(new WorkflowScheduleFired(workflowId, tenantId, schedule.cron(), dueAt));
        schedule(deadlines, definition, active, dueAt);
    }

    /** Takes what the command decides rather than the state: in a creating handler the state is not set yet. */
    private static void schedule(DeadlineManager deadlines, WorkflowDefinition definition, boolean active,
                                 Instant after) {
        CronSchedule schedule = Schedule.of(definition);
        Instant next = schedule == null || !active ? null : schedule.next(after);
        if (next != null) {
            deadlines.schedule(next, SCHEDULE, next);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Workflow " + workflowId + " not found");
        }
    }

    @EventSourcingHandler
    void on(WorkflowCreated event) {
        workflowId = event.workflowId();
        tenantId = event.tenantId();
        definition = event.definition();
        active = event.isActive();
    }

    @EventSourcingHandler
    void on(WorkflowRevised event) {
        if (event.definition() != null) {
            definition = event.definition();
        }
        if (event.isActive() != null) {
            active = event.isActive();
        }
    }

    @EventSourcingHandler
    void on(WorkflowDeleted event) {
        markDeleted();
    }
}
