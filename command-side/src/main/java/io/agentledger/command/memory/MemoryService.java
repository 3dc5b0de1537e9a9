package io.agentledger.command.memory;

import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.MemoryCommands.DeleteDocument;
import io.agentledger.kernel.memory.MemoryCommands.UpsertDocument;
import io.agentledger.kernel.memory.MemoryCommands.Upserted;
import io.agentledger.kernel.memory.MemoryIds;
import io.agentledger.kernel.memory.MemoryQueries.FindDocumentVersion;
import io.agentledger.kernel.memory.Sensitivity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Upserts and deletes memory documents, checking that the caller may touch the document at that URI. */
@Service
public class MemoryService {

    static final int MAX_TAGS = 50;

    private final CommandGateway commands;
    private final ReadModelAwait readModel;
    private final DocumentExtractor extractor;
    private final MemoryProperties properties;
    private final Clock clock;

    public MemoryService(CommandGateway commands, ReadModelAwait readModel,
                         DocumentExtractor extractor, MemoryProperties properties, Clock clock) {
        this.commands = commands;
        this.readModel = readModel;
        this.extractor = extractor;
        this.properties = properties;
        this.clock = clock;
    }

    public record Outcome(String documentId, boolean changed) {
    }

    public Outcome upsert(Caller caller, UpsertRequest request) {
        Sensitivity sensitivity = request.sensitivity() == null ? Sensitivity.INTERNAL
                : Sensitivity.parse(request.sensitivity());
        String sourceUri = request.sourceUri().strip();
        String documentId = MemoryIds.document(caller.tenantId(), sourceUri);
        String hash = request.hash() == null || request.hash().isBlank() ? "sha256:" + sha256(request.content())
                : request.hash().strip();
        DocumentContent document = new DocumentContent(sourceUri, blankToNull(request.app()),
                blankToNull(request.owner()), blankToNull(request.title()), request.content(),
                blankToNull(request.mimeType()), request.fileSize(), hash, request.metadata(), sensitivity,
                request.ttlDays(), tags(request.metadata()));
        Instant now = clock.instant();
        Instant expiresAt = request.ttlDays() == null ? null : now.plus(properties.ttlDay()
                .multipliedBy(request.ttlDays()));
        Upserted upserted = commands.sendAndWait(new UpsertDocument(documentId, caller.tenantId(), caller.userId(),
                Sensitivity.readableBy(caller), document, extractor.extract(document, now), expiresAt));
        readModel.awaitVersion(new FindDocumentVersion(documentId), upserted.version());
        return new Outcome(documentId, upserted.changed());
    }

    public void delete(Caller caller, String documentId) {
        long version;
        try {
            version = commands.sendAndWait(new DeleteDocument(documentId, caller.tenantId(), caller.userId(),
                    Sensitivity.readableBy(caller)));
        } catch (AggregateNotFoundException none) {
            throw DomainException.notFound("Document " + documentId + " not found");
        }
        readModel.awaitVersion(new FindDocumentVersion(documentId), version);
    }

    /** The metadata's {@code labels} and {@code tags}, as given. */
    static List<String> tags(Map<String, Object> metadata) {
        Set<String> tags = new LinkedHashSet<>();
        if (metadata != null) {
            for (String key : List.of("labels", "tags")) {
                Object value = metadata.get(key);
                if (value instanceof List<?> list) {
                    list.stream().filter(t -> t instanceof String s && !s.isBlank() && s.length() <= 100)
                            .forEach(t -> tags.add(((String) t).strip()));
                } else if (value != null) {
                    throw DomainException.invalid("metadata." + key + " must be a list of strings");
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw DomainException.invalid("A document has at most " + MAX_TAGS + " labels and tags");
        }
        return List.copyOf(tags);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
