package io.agentledger.kernel.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code plan} holds the steps with their status (pending, in_progress, completed, failed). */
public record TaskView(String id, String tenantId, String sessionId, String createdBy, String description,
                       String model, String provider, TaskStatus status, int iterations,
                       List<Map<String, Object>> plan, String summary, String error, String errorCode,
                       Instant createdAt, Instant completedAt, long version) {
}
