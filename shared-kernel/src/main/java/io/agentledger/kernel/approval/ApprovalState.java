package io.agentledger.kernel.approval;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ApprovalState {
    @JsonProperty("pending") PENDING,
    @JsonProperty("approved") APPROVED,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("edited") EDITED,
    @JsonProperty("expired") EXPIRED;

    public static ApprovalState after(ApprovalDecision decision) {
        return switch (decision) {
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case EDIT -> EDITED;
        };
    }
}
