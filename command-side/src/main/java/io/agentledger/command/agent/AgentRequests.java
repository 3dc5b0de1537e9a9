package io.agentledger.command.agent;

import io.agentledger.kernel.agent.AgentChanges;
import io.agentledger.kernel.agent.AgentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** The bodies of the agent routes: seed 001's name and description, seed 003's config and flags. */
public final class AgentRequests {

    private AgentRequests() {
    }

    public record Create(@NotBlank @Size(max = AgentLimits.MAX_NAME) String name,
                  @Size(max = AgentLimits.MAX_DESCRIPTION) String description,
                  @Size(max = AgentLimits.MAX_CONFIG_ENTRIES) Map<String, Object> config,
                  Boolean voiceEnabled, Boolean isActive) {
    }

    /**
     * Fields left out stay as they are. {@code status} may only be {@code archived} (seed 001's PATCH);
     * {@code expected_version} (or If-Match) guards against lost updates.
     */
    record Update(@Size(min = 1, max = AgentLimits.MAX_NAME) String name,
                  @Size(max = AgentLimits.MAX_DESCRIPTION) String description,
                  @Size(max = AgentLimits.MAX_CONFIG_ENTRIES) Map<String, Object> config,
                  Boolean voiceEnabled, Boolean isActive, AgentStatus status,
                  @PositiveOrZero Long expectedVersion) {

        AgentChanges changes() {
            return new AgentChanges(name == null ? null : name.strip(), description, config, voiceEnabled, isActive);
        }
    }
}
