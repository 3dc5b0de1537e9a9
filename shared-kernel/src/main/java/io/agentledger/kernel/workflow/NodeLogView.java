package io.agentledger.kernel.workflow;

import java.time.Instant;

/** One attempt of a node (or its skipping), as seed 004's node logs show it. */
public record NodeLogView(String nodeId, String status, Object input, Object output, String error, int attempt,
                          int retryCount, Instant startedAt, Instant completedAt, Long durationMs) {
}
