package io.agentledger.kernel.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A package version's build: queued when uploaded, then building, then ready or failed. */
public enum VersionStatus {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("building") BUILDING,
    @JsonProperty("ready") READY,
    @JsonProperty("failed") FAILED
}
