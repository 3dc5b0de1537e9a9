package io.agentledger.projection.goal;

import io.agentledger.kernel.goal.GoalEvent;
import io.agentledger.kernel.goal.GoalEvent.GoalCompleted;
import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalEvent.GoalDeleted;
import io.agentledger.kernel.goal.GoalEvent.GoalReleased;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.goal.GoalEvent.GoalTasksPlanned;
import io.agentledger.kernel.goal.GoalEvent.GoalUpdated;
import io.agentledger.kernel.goal.GoalQueries.FindGoalVersion;
import io.agentledger.kernel.goal.GoalStatus;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Applies a goal's event to goal_view when the row stands at the version before it, for both the
 * inline and the tracking projection: whichever comes second finds the version taken and changes
 * nothing, and neither can skip an event the other has not applied.
 */
@Component
class GoalSummaryWriter {

    private final GoalViewRepository goals;
    private final GoalTaskRepository tasks;
    private final VersionAnnouncer versions;

    GoalSummaryWriter(GoalViewRepository goals, GoalTaskRepository tasks, VersionAnnouncer versions) {
        this.goals = goals;
        this.tasks = tasks;
        this.versions = versions;
    }

    void apply(GoalEvent event, long version, Instant at) {
        if (applied(event, version, StoredTime.of(at))) {
            versions.announce(FindGoalVersion.class, FindGoalVersion::goalId, event.goalId(), version);
        }
    }

    private boolean applied(GoalEvent event, long version, Instant at) {
        String goalId = event.goalId();
        if (event instanceof GoalCreated created) {
            return goals.insert(created, version, at);
        }
        if (event instanceof GoalUpdated updated) {
            return goals.applyChanges(goalId, updated.changes(), version, at);
        }
        if (event instanceof GoalStarted) {
            return goals.setStatus(goalId, GoalStatus.ACTIVE, version, at);
        }
        if (event instanceof GoalTasksPlanned planned) {
            boolean applied = goals.setStatus(goalId, GoalStatus.ACTIVE, version, at);
            if (applied) {
                tasks.replace(goalId, planned.runId(), planned.tasks(), at);
            }
            return applied;
        }
        if (event instanceof GoalCompleted completed) {
            return goals.completed(goalId, completed.summary(), completed.artifacts(), version, at);
        }
        if (event instanceof GoalReleased) {
            return goals.setStatus(goalId, GoalStatus.DRAFT, version, at);
        }
        if (event instanceof GoalDeleted) {
            return goals.markDeleted(goalId, version, at);
        }
        throw new IllegalArgumentException("Unknown goal event " + event.getClass().getName());
    }

    /** A run's step decides its task's status, the same however often it is applied. */
    void taskStepCompleted(StepCompleted step, Instant at) {
        tasks.setStatus(step.runId(), step.taskId(), "executed".equals(step.outcome()) ? "completed" : "skipped",
                StoredTime.of(at));
    }

    void reset() {
        tasks.deleteAll();
        goals.deleteAll();
    }
}
