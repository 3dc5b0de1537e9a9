package io.agentledger.command.goal;

import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.GoalChanges;
import io.agentledger.kernel.goal.GoalStatus;
import io.agentledger.kernel.goal.Priority;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Fields left out stay as they are; {@code expected_version} (or If-Match) guards against lost updates. */
public record UpdateGoalRequest(
        @Size(min = 1, max = GoalLimits.MAX_TEXT) String text,
        AutonomyLevel autonomyLevel,
        @Size(max = GoalLimits.MAX_ENTRIES) Map<String, Object> constraints,
        GoalStatus status,
        Priority priority,
        Instant dueDate,
        @PositiveOrZero @DecimalMax(GoalLimits.MAX_HOURS) BigDecimal estimatedHours,
        @PositiveOrZero @DecimalMax(GoalLimits.MAX_HOURS) BigDecimal actualHours,
        @Size(max = GoalLimits.MAX_ENTRIES) Map<String, Object> metadata,
        @PositiveOrZero Long expectedVersion) {

    GoalChanges changes() {
        return new GoalChanges(text, autonomyLevel, constraints, status, priority, dueDate, estimatedHours,
                actualHours, metadata);
    }
}
