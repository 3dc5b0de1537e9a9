package io.agentledger.kernel.memory;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A memory document's life: stored or changed, deleted by someone, or expired at the end of its TTL. */
public sealed interface MemoryEvent permits MemoryEvent.DocumentUpserted, MemoryEvent.DocumentDeleted,
        MemoryEvent.DocumentExpired {

    String documentId();

    String tenantId();

    @Revision("1")
    record DocumentUpserted(String documentId, String tenantId, String uploadedBy, DocumentContent document,
                            Extraction extraction, Instant expiresAt) implements MemoryEvent {
    }

    @Revision("1")
    record DocumentDeleted(String documentId, String tenantId, String deletedBy) implements MemoryEvent {
    }

    @Revision("1")
    record DocumentExpired(String documentId, String tenantId, Instant expiredAt) implements MemoryEvent {
    }
}
