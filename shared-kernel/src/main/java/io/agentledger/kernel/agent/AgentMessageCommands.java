package io.agentledger.kernel.agent;

import io.agentledger.kernel.agent.AgentMessageEvent.AgentMessageRecorded;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class AgentMessageCommands {

    private AgentMessageCommands() {
    }

    /** Its id derives from the tenant, the sending agent and the envelope id: a message is recorded once. */
    public record RecordAgentMessage(@TargetAggregateIdentifier String messageId, AgentMessageRecorded message) {
    }
}
