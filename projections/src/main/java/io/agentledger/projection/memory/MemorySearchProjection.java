package io.agentledger.projection.memory;

import io.agentledger.kernel.memory.MemoryEvent.DocumentDeleted;
import io.agentledger.kernel.memory.MemoryEvent.DocumentExpired;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;

/**
 * Memory in Elasticsearch: documents, episodes and entities with their embeddings. While Elasticsearch is
 * away the handlers fail and the processor retries, so nothing is lost; a replay rebuilds into a new
 * index that replaces the old one when it has caught up.
 */
@Component
@ProcessingGroup(MemorySearchProjection.GROUP)
public class MemorySearchProjection {

    public static final String GROUP = "memory-search";

    private final MemorySearchWriter writer;

    public MemorySearchProjection(MemorySearchWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(DocumentUpserted event, @SequenceNumber long version, @Timestamp Instant at) throws IOException {
        writer.upsert(event, version, at);
    }

    @EventHandler
    void on(DocumentDeleted event) throws IOException {
        writer.remove(event.documentId());
    }

    @EventHandler
    void on(DocumentExpired event) throws IOException {
        writer.remove(event.documentId());
    }

    @ResetHandler
    void reset() throws IOException {
        writer.beginRebuild();
    }
}
