package io.agentledger.kernel.goal;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum GoalStatus {
    @JsonProperty("draft") DRAFT,
    @JsonProperty("active") ACTIVE,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("cancelled") CANCELLED
}
