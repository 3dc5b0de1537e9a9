package io.agentledger.kernel.agent;

import org.axonframework.serialization.Revision;

import java.util.Map;

/**
 * A message of seed 003's agent protocol: which agent sent it (by the caller's hand), to which agent or to
 * all, with its method, its envelope id (answers are correlated by it) and its data.
 */
public sealed interface AgentMessageEvent permits AgentMessageEvent.AgentMessageRecorded {

    String messageId();

    String tenantId();

    @Revision("1")
    record AgentMessageRecorded(String messageId, String tenantId, String sentBy, String envelopeId, String kind,
                                String method, String fromAgentId, long fromAgentNumber, String toAgentId,
                                Long toAgentNumber, boolean broadcast, String messageType,
                                Map<String, Object> params) implements AgentMessageEvent {
    }
}
