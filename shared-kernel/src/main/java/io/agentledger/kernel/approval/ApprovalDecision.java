package io.agentledger.kernel.approval;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ApprovalDecision {
    @JsonProperty("approve") APPROVE,
    @JsonProperty("reject") REJECT,
    @JsonProperty("edit") EDIT
}
