package io.agentledger.kernel.agent;

import org.axonframework.serialization.Revision;

import java.util.Map;

/** Every event of the Agent aggregate: the agent itself and the packages (versions) built for it. */
public sealed interface AgentEvent permits AgentEvent.AgentRegistered, AgentEvent.AgentUpdated,
        AgentEvent.AgentArchived {

    String agentId();

    String tenantId();

    /** {@code agentNumber} is the agent's number within its tenant (seed 003), 1 for the first. */
    @Revision("1")
    record AgentRegistered(String agentId, String tenantId, String createdBy, long agentNumber, String name,
                           String description, Map<String, Object> config, boolean voiceEnabled, boolean isActive)
            implements AgentEvent {
    }

    @Revision("1")
    record AgentUpdated(String agentId, String tenantId, String updatedBy, AgentChanges changes)
            implements AgentEvent {
    }

    @Revision("1")
    record AgentArchived(String agentId, String tenantId, String archivedBy, AgentStatus previousStatus)
            implements AgentEvent {
    }
}
