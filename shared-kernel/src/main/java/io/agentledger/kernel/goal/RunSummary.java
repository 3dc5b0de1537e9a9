package io.agentledger.kernel.goal;

import io.agentledger.kernel.run.RunStatus;

import java.math.BigDecimal;
import java.time.Instant;

public record RunSummary(String id, RunStatus status, String currentNode, BigDecimal cost, Instant startedAt,
                         Instant completedAt, Instant createdAt) {
}
