package io.agentledger.kernel.goal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Commands of the Goal aggregate. {@code tenantId} is the caller's: a goal of another tenant is not found. */
public final class GoalCommands {

    private GoalCommands() {
    }

    public record CreateGoal(@TargetAggregateIdentifier String goalId, String tenantId, String createdBy, String text,
                             AutonomyLevel autonomyLevel, Map<String, Object> constraints, Priority priority,
                             Instant dueDate, BigDecimal estimatedHours, Map<String, Object> metadata) {
    }

    /** Changes the fields that are not null; {@code expectedVersion} null means "whatever is current". */
    public record UpdateGoal(@TargetAggregateIdentifier String goalId, String tenantId, String updatedBy,
                             @TargetAggregateVersion Long expectedVersion, GoalChanges changes) {
    }

    public record DeleteGoal(@TargetAggregateIdentifier String goalId, String tenantId, String deletedBy,
                             @TargetAggregateVersion Long expectedVersion) {
    }

    public record StartGoal(@TargetAggregateIdentifier String goalId, String tenantId, String startedBy, String runId) {
    }

    /** The goal as a run should see it, answered by StartGoal. */
    public record StartedGoal(long version, String text, AutonomyLevel autonomyLevel) {
    }

    public record PlanGoalTasks(@TargetAggregateIdentifier String goalId, String runId, List<PlannedTask> tasks) {
    }

    public record CompleteGoal(@TargetAggregateIdentifier String goalId, String runId, String summary,
                               Map<String, String> artifacts) {
    }

    /** The run ended without completing the goal (failed or cancelled): the goal can be started again. */
    public record ReleaseGoal(@TargetAggregateIdentifier String goalId, String runId, String outcome) {
    }
}
