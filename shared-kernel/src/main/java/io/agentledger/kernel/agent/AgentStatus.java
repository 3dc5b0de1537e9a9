package io.agentledger.kernel.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an agent stands: its newest package's build decides between building, ready and failed. */
public enum AgentStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("building") BUILDING,
    @JsonProperty("ready") READY,
    @JsonProperty("failed") FAILED,
    @JsonProperty("archived") ARCHIVED
}
