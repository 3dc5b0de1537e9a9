package io.agentledger.kernel.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum WorkflowExecutionStatus {
    @JsonProperty("running") RUNNING,
    @JsonProperty("paused") PAUSED,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("stopped") STOPPED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
