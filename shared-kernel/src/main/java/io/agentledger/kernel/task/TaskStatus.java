package io.agentledger.kernel.task;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum TaskStatus {
    @JsonProperty("running") RUNNING,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("stopped") STOPPED;

    public boolean ended() {
        return this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
