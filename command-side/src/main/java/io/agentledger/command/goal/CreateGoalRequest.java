package io.agentledger.command.goal;

import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.Priority;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record CreateGoalRequest(
        @NotBlank @Size(max = GoalLimits.MAX_TEXT) String text,
        AutonomyLevel autonomyLevel,
        @Size(max = GoalLimits.MAX_ENTRIES) Map<String, Object> constraints,
        Priority priority,
        Instant dueDate,
        @PositiveOrZero @DecimalMax(GoalLimits.MAX_HOURS) BigDecimal estimatedHours,
        @Size(max = GoalLimits.MAX_ENTRIES) Map<String, Object> metadata) {
}
