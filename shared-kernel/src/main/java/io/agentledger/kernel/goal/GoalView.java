package io.agentledger.kernel.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

public record GoalView(String id, String tenantId, String createdBy, String text, AutonomyLevel autonomyLevel,
                       Map<String, Object> constraints, GoalStatus status, Priority priority, Instant dueDate,
                       BigDecimal estimatedHours, BigDecimal actualHours, Map<String, Object> metadata, String summary,
                       Map<String, String> artifacts, long version, Instant createdAt, Instant updatedAt,
                       List<TaskView> tasks, List<RunSummary> runs) {
}
