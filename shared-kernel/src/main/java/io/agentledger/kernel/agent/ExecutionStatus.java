package io.agentledger.kernel.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ExecutionStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("running") RUNNING,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
