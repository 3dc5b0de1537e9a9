package io.agentledger.command.memory;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.memory.MemoryCommands.DeleteDocument;
import io.agentledger.kernel.memory.MemoryCommands.UpsertDocument;
import io.agentledger.kernel.memory.MemoryCommands.Upserted;
import io.agentledger.kernel.memory.MemoryEvent.DocumentDeleted;
import io.agentledger.kernel.memory.MemoryEvent.DocumentExpired;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One memory document, identified by its tenant and source URI. Upserting the same content hash again
 * changes nothing; past its TTL the document expires.
 */
@Aggregate
public class MemoryDocumentAggregate {

    static final String EXPIRY = "memory-document-expiry";

    @AggregateIdentifier
    private String documentId;
    private String tenantId;
    private String hash;
    private boolean live;
    private Instant expiresAt;
    private String uploadedBy;
    private String sensitivity;

    protected MemoryDocumentAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Upserted handle(UpsertDocument command, DeadlineManager deadlines) {
        if (tenantId != null && !tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Document " + command.documentId() + " not found");
        }
        if (live && !mayTouch(command.userId(), command.readable())) {
            throw DomainException.forbidden("The document at " + command.document().sourceUri()
                    + " is not one you may change");
        }
        if (live && command.document().hash().equals(hash)) {
            return new Upserted(getVersion(), false);
        }
        apply(new DocumentUpserted(command.documentId(), command.tenantId(), command.userId(), command.document(),
                command.extraction(), command.expiresAt()));
        deadlines.cancelAllWithinScope(EXPIRY);
        if (command.expiresAt() != null) {
            deadlines.schedule(command.expiresAt(), EXPIRY);
        }
        return new Upserted(getVersion(), true);
    }

    @CommandHandler
    public long handle(DeleteDocument command, DeadlineManager deadlines) {
        if (!live || !tenantId.equals(command.tenantId()) || !mayTouch(command.userId(), command.readable())) {
            throw DomainException.notFound("Document " + documentId + " not found");
        }
        apply(new DocumentDeleted(documentId, tenantId, command.userId()));
        deadlines.cancelAllWithinScope(EXPIRY);
        return getVersion();
    }

    /** Its uploader, or anyone whose role may read its sensitivity. */
    private boolean mayTouch(String userId, java.util.List<String> readable) {
        return userId.equals(uploadedBy) || readable.contains(sensitivity);
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (live && expiresAt != null) {
            apply(new DocumentExpired(documentId, tenantId, expiresAt));
        }
    }

    @EventSourcingHandler
    void on(DocumentUpserted event) {
        documentId = event.documentId();
        tenantId = event.tenantId();
        hash = event.document().hash();
        expiresAt = event.expiresAt();
        uploadedBy = event.uploadedBy();
        sensitivity = event.document().sensitivity().wireName();
        live = true;
    }

    @EventSourcingHandler
    void on(DocumentDeleted event) {
        live = false;
    }

    @EventSourcingHandler
    void on(DocumentExpired event) {
        live = false;
    }
}
