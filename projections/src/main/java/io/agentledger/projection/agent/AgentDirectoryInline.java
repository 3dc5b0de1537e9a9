package io.agentledger.projection.agent;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.agent.AgentEvent;
import io.agentledger.kernel.agent.ExecutionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The agent read model written in the command's transaction: the caller reads its change at once. */
@Component
@InlineReadModel
@ProcessingGroup(AgentDirectoryInline.GROUP)
public class AgentDirectoryInline {

    public static final String GROUP = "agent-directory-inline";

    private final AgentDirectoryWriter writer;

    AgentDirectoryInline(AgentDirectoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(AgentEvent event, @SequenceNumber long version, @Timestamp Instant at, EventMessage<?> message) {
        writer.apply(event, version, at, message.getIdentifier());
    }

    @EventHandler
    void on(ExecutionEvent event, @SequenceNumber long version, @Timestamp Instant at, EventMessage<?> message) {
        writer.apply(event, version, at, message.getIdentifier());
    }
}
