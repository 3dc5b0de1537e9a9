package io.agentledger.kernel.approval;

import io.agentledger.kernel.run.RunStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** {@code run} is filled on single reads. */
public record ApprovalView(String id, String tenantId, String runId, String goalId, String node, String action,
                           Map<String, Object> payload, String reason, BigDecimal estimatedCost, ApprovalState state,
                           String decidedBy, String comments, Map<String, Object> changes, Instant deadline,
                           Instant decidedAt, long version, Instant createdAt, Instant updatedAt, RunRef run) {

    public record RunRef(String id, RunStatus status, String currentNode, String goalId) {
    }
}
