package io.agentledger.kernel.run;

import io.agentledger.kernel.approval.ApprovalView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run as seed 000 shows it; {@code goal} and {@code approvals} are filled on single reads. */
public record RunView(String id, String tenantId, String goalId, String createdBy, String graphVersion,
                      RunStatus status, String currentNode, Map<String, Checkpoint> checkpoints,
                      Map<String, String> artifacts, BigDecimal cost, Metrics metrics, String errorMessage,
                      long version, Instant startedAt, Instant completedAt, Instant createdAt, Instant updatedAt,
                      GoalRef goal, List<ApprovalView> approvals) {

    /** {@code steps}: for the executor, each task it did or skipped, in order. */
    public record Checkpoint(Instant startedAt, Instant completedAt, String status, Map<String, Object> result,
                             List<Map<String, Object>> steps) {
    }

    /** {@code executionTime} in seconds. */
    public record Metrics(long tokensUsed, long apiCalls, BigDecimal executionTime) {
    }

    public record GoalRef(String id, String text, String status, String autonomyLevel) {
    }
}
