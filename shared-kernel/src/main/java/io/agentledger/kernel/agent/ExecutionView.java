package io.agentledger.kernel.agent;

import java.time.Instant;
import java.util.Map;

/** An execution as seed 001 shows it ({@code input_data}, {@code output_data}, {@code error_message}). */
public record ExecutionView(String id, String tenantId, String agentId, String agentVersionId, String userId,
                            ExecutionStatus status, Map<String, Object> inputData, Map<String, Object> command,
                            Object outputData, String errorMessage, boolean timedOut, Long durationMs,
                            long timeoutMs, Instant startedAt, Instant completedAt, long version,
                            Instant createdAt, Instant updatedAt) {
}
