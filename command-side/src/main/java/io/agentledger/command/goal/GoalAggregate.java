package io.agentledger.command.goal;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.goal.GoalChanges;
import io.agentledger.kernel.goal.GoalCommands.CreateGoal;
import io.agentledger.kernel.goal.GoalCommands.DeleteGoal;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.GoalCommands.CompleteGoal;
import io.agentledger.kernel.goal.GoalCommands.PlanGoalTasks;
import io.agentledger.kernel.goal.GoalCommands.ReleaseGoal;
import io.agentledger.kernel.goal.GoalCommands.StartGoal;
import io.agentledger.kernel.goal.GoalCommands.StartedGoal;
import io.agentledger.kernel.goal.GoalEvent.GoalCompleted;
import io.agentledger.kernel.goal.GoalEvent.GoalReleased;
import io.agentledger.kernel.goal.GoalEvent.GoalTasksPlanned;
import io.agentledger.kernel.goal.GoalCommands.UpdateGoal;
import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalEvent.GoalDeleted;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.goal.GoalEvent.GoalUpdated;
import io.agentledger.kernel.goal.GoalStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** Update, delete and start answer the goal's new version, so the caller can wait until it is visible. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class GoalAggregate {

    private static final EnumSet<GoalStatus> CLOSED = EnumSet.of(GoalStatus.COMPLETED, GoalStatus.CANCELLED);
    private static final EnumSet<GoalStatus> SETTABLE_BY_UPDATE = CLOSED;

    @AggregateIdentifier
    private String goalId;
    private String tenantId;
    private GoalStatus status;
    private String text;
    private AutonomyLevel autonomyLevel;
    private String activeRunId;

    protected GoalAggregate() {
    }

    @CommandHandler
    public GoalAggregate(CreateGoal command) {
        if (command.text() == null || command.text().isBlank()) {
            throw DomainException.invalid("A goal needs a text");
        }
        apply(new GoalCreated(command.goalId(), command.tenantId(), command.createdBy(), command.text(),
                command.autonomyLevel(), command.constraints(), GoalStatus.DRAFT, command.priority(),
                command.dueDate(), command.estimatedHours(), command.metadata()));
    }

    @CommandHandler
    public long handle(UpdateGoal command) {
        requireTenant(command.tenantId());
        GoalChanges changes = command.changes();
        if (changes.isEmpty()) {
            throw DomainException.invalid("The update changes nothing");
        }
        requireOpen("updated");
        if (changes.status() != null && !SETTABLE_BY_UPDATE.contains(changes.status())) {
            throw DomainException.invalid("status can only be set to completed or cancelled; start a goal to make it active");
        }
        if (changes.text() != null && changes.text().isBlank()) {
            throw DomainException.invalid("A goal needs a text");
        }
        apply(new GoalUpdated(goalId, tenantId, command.updatedBy(), changes));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteGoal command) {
        requireTenant(command.tenantId());
        apply(new GoalDeleted(goalId, tenantId, command.deletedBy()));
        return getVersion();
    }

    @CommandHandler
    public StartedGoal handle(StartGoal command) {
        requireTenant(command.tenantId());
        requireOpen("started");
        if (status == GoalStatus.ACTIVE) {
            throw DomainException.conflict("Goal " + goalId + " already has an active run");
        }
        apply(new GoalStarted(goalId, tenantId, command.startedBy(), command.runId(), status));
        return new StartedGoal(getVersion(), text, autonomyLevel);
    }

    @CommandHandler
    public void handle(PlanGoalTasks command) {
        requireRun(command.runId());
        apply(new GoalTasksPlanned(goalId, tenantId, command.runId(), command.tasks()));
    }

    @CommandHandler
    public void handle(CompleteGoal command) {
        requireRun(command.runId());
        apply(new GoalCompleted(goalId, tenantId, command.runId(), command.summary(), command.artifacts()));
    }

    /** Idempotent: releasing for a run that is no longer the goal's active one changes nothing. */
    @CommandHandler
    public void handle(ReleaseGoal command) {
        if (command.runId().equals(activeRunId) && status == GoalStatus.ACTIVE) {
            apply(new GoalReleased(goalId, tenantId, command.runId(), command.outcome()));
        }
    }

    private void requireRun(String runId) {
        if (!runId.equals(activeRunId) || status != GoalStatus.ACTIVE) {
            throw DomainException.conflict("Run " + runId + " is not the active run of goal " + goalId);
        }
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Goal " + goalId + " not found");
        }
    }

    private void requireOpen(String action) {
        if (CLOSED.contains(status)) {
            throw DomainException.conflict("Goal " + goalId + " is " + status.name().toLowerCase()
                    + " and cannot be " + action);
        }
    }

    @EventSourcingHandler
    void on(GoalCreated event) {
        goalId = event.goalId();
        tenantId = event.tenantId();
        status = event.status();
        text = event.text();
        autonomyLevel = event.autonomyLevel();
    }

    @EventSourcingHandler
    void on(GoalUpdated event) {
        GoalChanges changes = event.changes();
        if (changes.status() != null) {
            status = changes.status();
        }
        if (changes.text() != null) {
            text = changes.text();
        }
        if (changes.autonomyLevel() != null) {
            autonomyLevel = changes.autonomyLevel();
        }
    }

    @EventSourcingHandler
    void on(GoalStarted event) {
        status = GoalStatus.ACTIVE;
        activeRunId = event.runId();
    }

    @EventSourcingHandler
    void on(GoalCompleted event) {
        status = GoalStatus.COMPLETED;
        activeRunId = null;
    }

    @EventSourcingHandler
    void on(GoalReleased event) {
        status = GoalStatus.DRAFT;
        activeRunId = null;
    }

    @EventSourcingHandler
    void on(GoalDeleted event) {
        markDeleted();
    }
}
