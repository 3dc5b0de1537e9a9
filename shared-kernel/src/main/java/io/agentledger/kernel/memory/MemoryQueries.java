package io.agentledger.kernel.memory;

public final class MemoryQueries {

    private MemoryQueries() {
    }

    /** The document as its tenant's directory holds it, or null. */
    public record FindDocument(String documentId, String tenantId) {
    }

    public record FindDocumentVersion(String documentId) {
    }

    public record FindAgentMemoryVersion(String memoryId) {
    }
}
