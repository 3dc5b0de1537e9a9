package io.agentledger.query.memory;

import io.agentledger.kernel.memory.DocumentView;
import io.agentledger.kernel.memory.MemoryQueries.FindAgentMemoryVersion;
import io.agentledger.kernel.memory.MemoryQueries.FindDocument;
import io.agentledger.kernel.memory.MemoryQueries.FindDocumentVersion;
import io.agentledger.projection.memory.AgentMemoryRepository;
import io.agentledger.projection.memory.MemoryDirectoryRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class MemoryQueryHandler {

    private final MemoryDirectoryRepository documents;
    private final AgentMemoryRepository agentMemory;

    public MemoryQueryHandler(MemoryDirectoryRepository documents, AgentMemoryRepository agentMemory) {
        this.documents = documents;
        this.agentMemory = agentMemory;
    }

    @QueryHandler
    public DocumentView handle(FindDocument query) {
        return documents.find(query.documentId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindDocumentVersion query) {
        return documents.version(query.documentId());
    }

    @QueryHandler
    public Long handle(FindAgentMemoryVersion query) {
        return agentMemory.version(query.memoryId());
    }
}
