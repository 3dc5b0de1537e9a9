package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentEvent;
import io.agentledger.kernel.agent.AgentEvent.AgentArchived;
import io.agentledger.kernel.agent.AgentEvent.AgentRegistered;
import io.agentledger.kernel.agent.AgentEvent.AgentUpdated;
import io.agentledger.kernel.agent.AgentQueries.FindAgentVersion;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Applies an agent's event to agent_view when the row stands at the version before it, for the inline
 * and the tracking projection alike: whichever comes second changes nothing.
 */
@Component
class AgentDirectoryWriter {

    private final AgentViewRepository agents;
    private final VersionAnnouncer versions;

    AgentDirectoryWriter(AgentViewRepository agents, VersionAnnouncer versions) {
        this.agents = agents;
        this.versions = versions;
    }

    void apply(AgentEvent event, long version, Instant at) {
        if (applied(event, version, StoredTime.of(at))) {
            versions.announce(FindAgentVersion.class, FindAgentVersion::agentId, event.agentId(), version);
        }
    }

    private boolean applied(AgentEvent event, long version, Instant at) {
        if (event instanceof AgentRegistered registered) {
            return agents.insert(registered, version, at);
        }
        if (event instanceof AgentUpdated updated) {
            return agents.applyChanges(event.agentId(), updated.changes(), version, at);
        }
        if (event instanceof AgentArchived) {
            return agents.setStatus(event.agentId(), AgentStatus.ARCHIVED, version, at);
        }
        throw new IllegalArgumentException("Unknown agent event " + event.getClass().getName());
    }

    void reset() {
        agents.deleteAll();
    }
}
