package io.agentledger.projection.goal;

import io.agentledger.kernel.goal.GoalEvent.GoalCompleted;
import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalEvent.GoalReleased;
import io.agentledger.kernel.goal.GoalEvent.GoalTasksPlanned;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.goal.GoalEvent.GoalDeleted;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.goal.GoalEvent.GoalUpdated;
import io.agentledger.kernel.goal.GoalQueries.FindGoalVersion;
import io.agentledger.kernel.goal.GoalStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(GoalSummaryProjection.GROUP)
public class GoalSummaryProjection {

    public static final String GROUP = "goal-summary";

    private final GoalViewRepository goals;
    private final GoalTaskRepository tasks;
    private final VersionAnnouncer versions;

    public GoalSummaryProjection(GoalViewRepository goals, GoalTaskRepository tasks, VersionAnnouncer versions) {
        this.goals = goals;
        this.tasks = tasks;
        this.versions = versions;
    }

    @EventHandler
    void on(GoalTasksPlanned event, @SequenceNumber long version, @Timestamp Instant at) {
        tasks.replace(event.goalId(), event.runId(), event.tasks(), at);
        goals.setStatus(event.goalId(), GoalStatus.ACTIVE, version, at);
        announce(event.goalId(), version);
    }

    /** A run's step decides its task's status; it changes no goal version (it is the run's event). */
    @EventHandler
    void on(StepCompleted event, @Timestamp Instant at) {
        tasks.setStatus(event.runId(), event.taskId(), "executed".equals(event.outcome()) ? "completed" : "skipped",
                at);
    }

    @EventHandler
    void on(GoalCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.completed(event.goalId(), event.summary(), event.artifacts(), version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalReleased event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.setStatus(event.goalId(), GoalStatus.DRAFT, version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.insert(event, version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.applyChanges(event.goalId(), event.changes(), version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.setStatus(event.goalId(), GoalStatus.ACTIVE, version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalDeleted event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.markDeleted(event.goalId(), version, at);
        announce(event.goalId(), version);
    }

    @ResetHandler
    void reset() {
        tasks.deleteAll();
        goals.deleteAll();
    }

    private void announce(String goalId, long version) {
        versions.announce(FindGoalVersion.class, FindGoalVersion::goalId, goalId, version);
    }
}
