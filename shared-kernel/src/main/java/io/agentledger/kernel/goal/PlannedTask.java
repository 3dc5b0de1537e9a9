package io.agentledger.kernel.goal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A task the planner made for a goal: the tool it will use and that tool's parameters. */
public record PlannedTask(String id, String title, String description, Priority priority, BigDecimal estimatedHours,
                          List<String> dependencies, String tool, Map<String, Object> parameters) {
}
