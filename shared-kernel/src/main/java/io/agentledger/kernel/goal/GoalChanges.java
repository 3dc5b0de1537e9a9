package io.agentledger.kernel.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The fields of a goal an update may change; null leaves a field as it is. */
public record GoalChanges(String text, AutonomyLevel autonomyLevel, Map<String, Object> constraints,
                          GoalStatus status, Priority priority, Instant dueDate, BigDecimal estimatedHours,
                          BigDecimal actualHours, Map<String, Object> metadata) {

    public boolean isEmpty() {
        return text == null && autonomyLevel == null && constraints == null && status == null && priority == null
                && dueDate == null && estimatedHours == null && actualHours == null && metadata == null;
    }
}
