package io.agentledger.kernel.agent;

import java.time.Instant;
import java.util.Map;

/**
 * An agent as both seeds show it: 001's {@code user_id}, {@code current_version_id}; 003's
 * {@code agent_number}, {@code config}, execution figures ({@code average_execution_time} in ms).
 */
public record AgentView(String id, String tenantId, String userId, long agentNumber, String name,
                        String description, AgentStatus status, String currentVersionId, Map<String, Object> config,
                        boolean isActive, boolean voiceEnabled, long executionCount, double averageExecutionTime,
                        Instant lastExecution, long version, Instant createdAt, Instant updatedAt) {
}
