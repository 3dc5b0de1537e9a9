package io.agentledger.kernel.goal;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every event of the Goal aggregate. */
public sealed interface GoalEvent permits GoalEvent.GoalCreated, GoalEvent.GoalUpdated, GoalEvent.GoalDeleted,
        GoalEvent.GoalStarted, GoalEvent.GoalTasksPlanned, GoalEvent.GoalCompleted, GoalEvent.GoalReleased {

    String goalId();

    String tenantId();

    @Revision("1")
    record GoalCreated(String goalId, String tenantId, String createdBy, String text, AutonomyLevel autonomyLevel,
                       Map<String, Object> constraints, GoalStatus status, Priority priority, Instant dueDate,
                       BigDecimal estimatedHours, Map<String, Object> metadata) implements GoalEvent {
    }

    /** Carries only what changed, each field's new value; null fields did not change. */
    @Revision("1")
    record GoalUpdated(String goalId, String tenantId, String updatedBy, GoalChanges changes) implements GoalEvent {
    }

    @Revision("1")
    record GoalDeleted(String goalId, String tenantId, String deletedBy) implements GoalEvent {
    }

    @Revision("1")
    record GoalTasksPlanned(String goalId, String tenantId, String runId, List<PlannedTask> tasks)
            implements GoalEvent {
    }

    @Revision("1")
    record GoalCompleted(String goalId, String tenantId, String runId, String summary, Map<String, String> artifacts)
            implements GoalEvent {
    }

    /** The goal's run ended without completing it; the goal is a draft again. */
    @Revision("1")
    record GoalReleased(String goalId, String tenantId, String runId, String outcome) implements GoalEvent {
    }

    @Revision("1")
    record GoalStarted(String goalId, String tenantId, String startedBy, String runId, GoalStatus previousStatus)
            implements GoalEvent {
    }
}
