package io.agentledger.kernel.memory;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

public sealed interface AgentMemoryEvent permits AgentMemoryEvent.AgentMemoryStored {

    String memoryId();

    String tenantId();

    /** One agent's memory entry (seed 003's memory.store); it stops being served after {@code expiresAt}. */
    @Revision("1")
    record AgentMemoryStored(String memoryId, String tenantId, String agentId, String storedBy, String memoryType,
                             Object content, List<String> tags, Instant expiresAt) implements AgentMemoryEvent {
    }
}
