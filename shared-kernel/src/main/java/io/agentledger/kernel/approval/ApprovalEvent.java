package io.agentledger.kernel.approval;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public sealed interface ApprovalEvent permits ApprovalEvent.ApprovalRequested, ApprovalEvent.ApprovalDecided,
        ApprovalEvent.ApprovalExpired {

    String approvalId();

    String runId();

    String tenantId();

    @Revision("1")
    record ApprovalRequested(String approvalId, String runId, String goalId, String tenantId, String node,
                             String stepKey, String action, Map<String, Object> payload, String reason,
                             BigDecimal estimatedCost, Instant deadline) implements ApprovalEvent {
    }

    /**
     * {@code payload} is what will run (the original, or the edited one); {@code changes} holds, for an
     * edit, each changed key with its value before and after.
     */
    @Revision("1")
    record ApprovalDecided(String approvalId, String runId, String tenantId, ApprovalDecision decision,
                           String decidedBy, String comments, Map<String, Object> payload,
                           Map<String, Object> changes) implements ApprovalEvent {
    }

    @Revision("1")
    record ApprovalExpired(String approvalId, String runId, String tenantId, Instant deadline)
            implements ApprovalEvent {
    }
}
