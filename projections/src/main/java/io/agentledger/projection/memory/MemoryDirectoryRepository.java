package io.agentledger.projection.memory;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.DocumentView;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.Episode;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;
import io.agentledger.kernel.memory.MemoryIds;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** memory_document, memory_episode, memory_entity and memory_entity_mention. */
@Repository
public class MemoryDirectoryRepository {

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    static final RowMapper<DocumentView> DOCUMENT = (rs, i) -> new DocumentView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("source_uri"), rs.getString("app"), rs.getString("owner"),
            rs.getString("title"), rs.getString("mime_type"), (Long) rs.getObject("file_size"),
            rs.getString("hash"), Json.readMap(rs.getString("metadata")), Json.read(rs.getString("tags"), STRINGS),
            rs.getString("sensitivity"), rs.getString("uploaded_by"), (Integer) rs.getObject("ttl_days"),
            Sql.instant(rs, "expires_at"), rs.getInt("content_length"), rs.getString("extractor"),
            rs.getBoolean("is_indexed"), rs.getLong("version"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));

    /** Documents with whether the search projection has indexed their latest version. */
    static final String DOCUMENTS = "(SELECT d.*, EXISTS (SELECT 1 FROM memory_search_state s "
            + "WHERE s.document_id = d.id AND s.version >= d.version) AS is_indexed FROM memory_document d "
            + "WHERE NOT d.removed) m";

    private final JdbcTemplate jdbc;

    public MemoryDirectoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(DocumentUpserted e, long version, Instant at) {
        DocumentContent d = e.document();
        jdbc.update("INSERT INTO memory_document (id, tenant_id, source_uri, app, owner, title, mime_type, file_size, "
                        + "hash, metadata, tags, sensitivity, uploaded_by, ttl_days, expires_at, content_length, "
                        + "extractor, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, "
                        + "?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET source_uri = "
                        + "EXCLUDED.source_uri, app = EXCLUDED.app, owner = EXCLUDED.owner, title = EXCLUDED.title, "
                        + "mime_type = EXCLUDED.mime_type, file_size = EXCLUDED.file_size, hash = EXCLUDED.hash, "
                        + "metadata = EXCLUDED.metadata, tags = EXCLUDED.tags, sensitivity = EXCLUDED.sensitivity, "
                        + "uploaded_by = EXCLUDED.uploaded_by, ttl_days = EXCLUDED.ttl_days, expires_at = "
                        + "EXCLUDED.expires_at, content_length = EXCLUDED.content_length, extractor = "
                        + "EXCLUDED.extractor, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, created_at = "
                        + "CASE WHEN memory_document.removed THEN EXCLUDED.created_at ELSE memory_document.created_at "
                        + "END, removed = false",
                e.documentId(), e.tenantId(), d.sourceUri(), d.app(), d.owner(), d.title(), d.mimeType(),
                d.fileSize(), d.hash(), d.metadata() == null ? null : Json.write(d.metadata()), Json.write(d.tags()),
                d.sensitivity().wireName(), e.uploadedBy(), d.ttlDays(), Sql.timestamp(e.expiresAt()),
                d.content().length(), e.extraction().extractor(), version, Sql.timestamp(at), Sql.timestamp(at));
        Episode episode = e.extraction().episode();
        jdbc.update("DELETE FROM memory_episode WHERE document_id = ?", e.documentId());
        if (episode != null) {
            jdbc.update("INSERT INTO memory_episode (id, tenant_id, document_id, type, title, summary, participants, "
                            + "sensitivity, uploaded_by, occurred_at, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)", MemoryIds.episode(e.documentId()),
                    e.tenantId(), e.documentId(), episode.type(), episode.title(), episode.summary(),
                    Json.write(episode.participants()), d.sensitivity().wireName(), e.uploadedBy(),
                    Sql.timestamp(episode.occurredAt() == null ? at : episode.occurredAt()), Sql.timestamp(at));
        }
        jdbc.update("DELETE FROM memory_entity_mention WHERE document_id = ?", e.documentId());
        for (EntityMention mention : e.extraction().entities()) {
            String entityId = MemoryIds.entity(e.tenantId(), mention);
            jdbc.update("INSERT INTO memory_entity (id, tenant_id, type, name, first_seen_at, last_seen_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at",
                    entityId, e.tenantId(), mention.type(), mention.name(), Sql.timestamp(at), Sql.timestamp(at));
            jdbc.update("INSERT INTO memory_entity_mention (entity_id, document_id, tenant_id, sensitivity, "
                    + "uploaded_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", entityId, e.documentId(),
                    e.tenantId(), d.sensitivity().wireName(), e.uploadedBy());
        }
    }

    void remove(String documentId, long version) {
        jdbc.update("UPDATE memory_document SET removed = true, version = ? WHERE id = ?", version, documentId);
        jdbc.update("DELETE FROM memory_episode WHERE document_id = ?", documentId);
        jdbc.update("DELETE FROM memory_entity_mention WHERE document_id = ?", documentId);
    }

    void clear() {
        jdbc.update("DELETE FROM memory_entity_mention");
        jdbc.update("DELETE FROM memory_entity");
        jdbc.update("DELETE FROM memory_episode");
        jdbc.update("DELETE FROM memory_document");
    }

    public Optional<DocumentView> find(String documentId, String tenantId) {
        return jdbc.query("SELECT * FROM " + DOCUMENTS + " WHERE id = ? AND tenant_id = ?", DOCUMENT, documentId,
                tenantId).stream().findFirst();
    }

    public Long version(String documentId) {
        return jdbc.query("SELECT version FROM memory_document WHERE id = ?", (rs, i) -> rs.getLong(1), documentId)
                .stream().findFirst().orElse(null);
    }
}
