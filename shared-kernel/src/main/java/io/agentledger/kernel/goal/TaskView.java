package io.agentledger.kernel.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task of a goal, as the planner of a run produces it. */
public record TaskView(String id, String goalId, String title, String description, String status, String assignee,
                       Instant dueDate, Priority priority, BigDecimal estimatedHours, BigDecimal actualHours,
                       List<String> dependencies, List<String> toolRefs, Map<String, Object> metadata,
                       Instant createdAt, Instant updatedAt) {
}
