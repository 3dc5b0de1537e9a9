package io.agentledger.kernel.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code full}: real calls; {@code mock}: declared or placeholder outputs, nothing called; {@code debug}: pause before each node. */
public enum ExecutionMode {
    @JsonProperty("full") FULL,
    @JsonProperty("mock") MOCK,
    @JsonProperty("debug") DEBUG
}
