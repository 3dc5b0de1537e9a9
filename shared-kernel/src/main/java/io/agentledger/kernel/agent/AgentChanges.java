package io.agentledger.kernel.agent;

import java.util.Map;

/** What an update changes; null fields stay as they are. */
public record AgentChanges(String name, String description, Map<String, Object> config, Boolean voiceEnabled,
                           Boolean isActive) {

    public boolean isEmpty() {
        return name == null && description == null && config == null && voiceEnabled == null && isActive == null;
    }
}
