package io.agentledger.kernel.memory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

public final class MemoryCommands {

    private MemoryCommands() {
    }

    /**
     * Answers the document's version after the upsert, and whether anything changed. {@code readable}:
     * the sensitivities the caller's role may read; a document someone else uploaded is theirs to change
     * only if its sensitivity is among them.
     */
    public record UpsertDocument(@TargetAggregateIdentifier String documentId, String tenantId, String userId,
                                 List<String> readable, DocumentContent document, Extraction extraction,
                                 Instant expiresAt) {
    }

    public record DeleteDocument(@TargetAggregateIdentifier String documentId, String tenantId, String userId,
                                 List<String> readable) {
    }

    public record StoreAgentMemory(@TargetAggregateIdentifier String memoryId, String tenantId, String agentId,
                                   String userId, String memoryType, Object content, List<String> tags,
                                   Instant expiresAt) {
    }

    public record Upserted(long version, boolean changed) {
    }
}
