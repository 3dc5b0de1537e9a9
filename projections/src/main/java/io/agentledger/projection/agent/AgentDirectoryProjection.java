package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentEvent;
import io.agentledger.kernel.agent.ExecutionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The agent read model's tracking projection: rebuilds it by replay and applies what the inline one did not. */
@Component
@ProcessingGroup(AgentDirectoryProjection.GROUP)
public class AgentDirectoryProjection {

    public static final String GROUP = "agent-directory";

    private final AgentDirectoryWriter writer;

    AgentDirectoryProjection(AgentDirectoryWriter writer) {
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

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
