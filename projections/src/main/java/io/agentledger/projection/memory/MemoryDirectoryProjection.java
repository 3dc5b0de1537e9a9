package io.agentledger.projection.memory;

import io.agentledger.kernel.memory.MemoryEvent.DocumentDeleted;
import io.agentledger.kernel.memory.MemoryEvent.DocumentExpired;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;
import io.agentledger.kernel.memory.MemoryQueries.FindDocumentVersion;
import io.agentledger.projection.support.VersionAnnouncer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The tenant's memory directory in PostgreSQL: documents, their episodes, entities and mentions. */
@Component
@ProcessingGroup(MemoryDirectoryProjection.GROUP)
public class MemoryDirectoryProjection {

    public static final String GROUP = "memory-directory";

    private final MemoryDirectoryRepository directory;
    private final VersionAnnouncer versions;

    public MemoryDirectoryProjection(MemoryDirectoryRepository directory, VersionAnnouncer versions) {
        this.directory = directory;
        this.versions = versions;
    }

    @EventHandler
    void on(DocumentUpserted event, @SequenceNumber long version, @Timestamp Instant at) {
        directory.upsert(event, version, at);
        announce(event.documentId(), version);
    }

    @EventHandler
    void on(DocumentDeleted event, @SequenceNumber long version) {
        directory.remove(event.documentId(), version);
        announce(event.documentId(), version);
    }

    @EventHandler
    void on(DocumentExpired event, @SequenceNumber long version) {
        directory.remove(event.documentId(), version);
        announce(event.documentId(), version);
    }

    @ResetHandler
    void reset() {
        directory.clear();
    }

    private void announce(String documentId, long version) {
        versions.announce(FindDocumentVersion.class, FindDocumentVersion::documentId, documentId, version);
    }
}
