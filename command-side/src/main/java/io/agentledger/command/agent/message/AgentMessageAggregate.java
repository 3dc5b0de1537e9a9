package io.agentledger.command.agent.message;

import io.agentledger.kernel.agent.AgentMessageCommands.RecordAgentMessage;
import io.agentledger.kernel.agent.AgentMessageEvent.AgentMessageRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One message between agents; recorded once, never changed. */
@Aggregate
public class AgentMessageAggregate {

    @AggregateIdentifier
    private String messageId;

    protected AgentMessageAggregate() {
    }

    @CommandHandler
    public AgentMessageAggregate(RecordAgentMessage command) {
        apply(command.message());
    }

    @EventSourcingHandler
    void on(AgentMessageRecorded event) {
        messageId = event.messageId();
    }
}
