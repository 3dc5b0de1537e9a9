package io.agentledger.kernel.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed 003's modification types, and the compensating {@code rollback}. */
public enum ModificationType {
    @JsonProperty("agent_config") AGENT_CONFIG,
    @JsonProperty("workflow_change") WORKFLOW_CHANGE,
    @JsonProperty("system_setting") SYSTEM_SETTING,
    @JsonProperty("architecture_change") ARCHITECTURE_CHANGE,
    @JsonProperty("rollback") ROLLBACK
}
