package io.agentledger.kernel.approval;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public final class ApprovalCommands {

    private ApprovalCommands() {
    }

    /** A run asks a human before {@code action} runs with {@code payload}; unanswered at {@code deadline} it expires. */
    public record RequestApproval(@TargetAggregateIdentifier String approvalId, String runId, String goalId,
                                  String tenantId, String node, String stepKey, String action,
                                  Map<String, Object> payload, String reason, BigDecimal estimatedCost,
                                  Instant deadline) {
    }

    /** {@code payload} is the edited action parameters, for {@code edit} only. */
    public record DecideApproval(@TargetAggregateIdentifier String approvalId, String tenantId,
                                 ApprovalDecision decision, String comments, Map<String, Object> payload,
                                 String decidedBy) {
    }
}
