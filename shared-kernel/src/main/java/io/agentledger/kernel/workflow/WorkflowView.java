package io.agentledger.kernel.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workflow as seed 004 shows it ({@code nodes}, {@code edges}) and seed 003 ({@code definition} with
 * trigger, error handling, timeout and retry policy; {@code user_id}, {@code is_active}, execution figures).
 */
public record WorkflowView(String id, String tenantId, String userId, String name, String description,
                           List<WorkflowNode> nodes, List<WorkflowEdge> edges, Map<String, Object> definition,
                           boolean isActive, long version, Instant createdAt, Instant updatedAt,
                           Instant lastExecuted, long executionCount, double successRate) {
}
