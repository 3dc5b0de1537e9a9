package io.agentledger.command.memory;

import io.agentledger.kernel.memory.AgentMemoryEvent.AgentMemoryStored;
import io.agentledger.kernel.memory.MemoryCommands.StoreAgentMemory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One entry of an agent's memory; entries are written once and age out by their TTL. */
@Aggregate
public class AgentMemoryAggregate {

    @AggregateIdentifier
    private String memoryId;

    protected AgentMemoryAggregate() {
    }

    @CommandHandler
    public AgentMemoryAggregate(StoreAgentMemory command) {
        apply(new AgentMemoryStored(command.memoryId(), command.tenantId(), command.agentId(), command.userId(),
                command.memoryType(), command.content(), command.tags(), command.expiresAt()));
    }

    @EventSourcingHandler
    void on(AgentMemoryStored event) {
        memoryId = event.memoryId();
    }
}
