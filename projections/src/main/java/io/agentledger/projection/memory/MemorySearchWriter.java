package io.agentledger.projection.memory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.Episode;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;
import io.agentledger.kernel.memory.MemoryIds;
import io.agentledger.projection.search.Chunker;
import io.agentledger.projection.search.MemoryEmbeddings;
import io.agentledger.projection.search.SearchIndex;
import io.agentledger.projection.support.Sql;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes memory items into the memory index. Entities gather their mentions from every document, so the
 * projection keeps those mentions in PostgreSQL (memory_search_mention) and rewrites an entity's item
 * from them whenever they change.
 */
@Component
public class MemorySearchWriter {

    private final ElasticsearchClient es;
    private final SearchIndex index;
    private final JdbcTemplate jdbc;
    private final MemoryEmbeddings embeddings;

    public MemorySearchWriter(ElasticsearchClient es, @Qualifier("memoryIndex") SearchIndex index, JdbcTemplate jdbc,
                              MemoryEmbeddings embeddings) {
        this.es = es;
        this.index = index;
        this.jdbc = jdbc;
        this.embeddings = embeddings;
    }

    void upsert(DocumentUpserted event, long version, Instant at) throws IOException {
        String target = index.writeTarget();
        DocumentContent d = event.document();
        Instant created = jdbc.query("SELECT created_at FROM memory_search_state WHERE document_id = ?",
                (rs, i) -> Sql.instant(rs, "created_at"), event.documentId()).stream().findFirst().orElse(at);
        List<BulkOperation> operations = new ArrayList<>();
        Map<String, Object> document = common("document", event.tenantId(), event.documentId(),
                d.sensitivity().wireName(), event.uploadedBy(), created, at);
        document.put("owner", d.owner());
        document.put("app", d.app());
        document.put("tags", d.tags());
        document.put("source_uri", d.sourceUri());
        document.put("mime_type", d.mimeType());
        document.put("title", d.title());
        document.put("content", d.content());
        document.put("metadata", d.metadata());
        document.put("chunks", vectors(Chunker.chunks(d.title(), d.content())));
        operations.add(put(target, event.documentId(), document));
        Episode episode = event.extraction().episode();
        String episodeId = MemoryIds.episode(event.documentId());
        if (episode == null) {
            operations.add(delete(target, episodeId));
        } else {
            Instant occurred = episode.occurredAt() == null ? created : episode.occurredAt();
            Map<String, Object> item = common("episode", event.tenantId(), event.documentId(),
                    d.sensitivity().wireName(), event.uploadedBy(), occurred, at);
            item.put("type", episode.type());
            item.put("title", episode.title());
            item.put("content", episode.summary());
            item.put("participants", episode.participants());
            item.put("owner", d.owner());
            item.put("app", d.app());
            item.put("tags", d.tags());
            item.put("chunks", vectors(Chunker.chunks(episode.title(), episode.summary())));
            operations.add(put(target, episodeId, item));
        }
        Set<String> touched = new LinkedHashSet<>(mentionedBy(event.documentId()));
        jdbc.update("DELETE FROM memory_search_mention WHERE document_id = ?", event.documentId());
        for (EntityMention mention : event.extraction().entities()) {
            String entityId = MemoryIds.entity(event.tenantId(), mention);
            jdbc.update("INSERT INTO memory_search_mention (entity_id, document_id, tenant_id, type, name, "
                            + "sensitivity, uploaded_by, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    entityId, event.documentId(), event.tenantId(), mention.type(), mention.name(),
                    d.sensitivity().wireName(), event.uploadedBy(), Sql.timestamp(at));
            touched.add(entityId);
        }
        operations.addAll(entities(target, touched));
        bulk(operations);
        jdbc.update("INSERT INTO memory_search_state (document_id, version, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (document_id) DO UPDATE SET version = EXCLUDED.version", event.documentId(), version,
                Sql.timestamp(created));
    }

    void remove(String documentId) throws IOException {
        String target = index.writeTarget();
        List<BulkOperation> operations = new ArrayList<>();
        operations.add(delete(target, documentId));
        operations.add(delete(target, MemoryIds.episode(documentId)));
        List<String> touched = mentionedBy(documentId);
        jdbc.update("DELETE FROM memory_search_mention WHERE document_id = ?", documentId);
        operations.addAll(entities(target, touched));
        bulk(operations);
        jdbc.update("DELETE FROM memory_search_state WHERE document_id = ?", documentId);
    }

    void beginRebuild() throws IOException {
        jdbc.update("DELETE FROM memory_search_mention");
        jdbc.update("DELETE FROM memory_search_state");
        index.beginRebuild();
    }

    private List<String> mentionedBy(String documentId) {
        return jdbc.queryForList("SELECT entity_id FROM memory_search_mention WHERE document_id = ?", String.class,
                documentId);
    }

    /** Each entity's item from its remaining mentions, or its removal when none remain. */
    private List<BulkOperation> entities(String target, Iterable<String> entityIds) {
        List<BulkOperation> operations = new ArrayList<>();
        for (String entityId : entityIds) {
            List<Map<String, Object>> mentions = jdbc.queryForList("SELECT * FROM memory_search_mention "
                    + "WHERE entity_id = ? ORDER BY seen_at", entityId);
            if (mentions.isEmpty()) {
                operations.add(delete(target, entityId));
                continue;
            }
            Map<String, Object> first = mentions.get(0);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", "entity");
            item.put("tenant_id", first.get("tenant_id"));
            item.put("sensitivities", mentions.stream().map(m -> m.get("sensitivity")).distinct().toList());
            item.put("uploaders", mentions.stream().map(m -> m.get("uploaded_by")).distinct().toList());
            item.put("type", first.get("type"));
            item.put("name", first.get("name"));
            item.put("created_at", instant(first.get("seen_at")));
            item.put("updated_at", instant(mentions.get(mentions.size() - 1).get("seen_at")));
            item.put("chunks", vectors(List.of((String) first.get("name"))));
            operations.add(put(target, entityId, item));
        }
        return operations;
    }

    private static String instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant().toString();
    }

    private static Map<String, Object> common(String kind, String tenantId, String documentId, String sensitivity,
                                              String uploadedBy, Instant created, Instant updated) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("tenant_id", tenantId);
        item.put("document_id", documentId);
        item.put("sensitivities", List.of(sensitivity));
        item.put("uploaders", List.of(uploadedBy));
        item.put("created_at", created.toString());
        item.put("updated_at", updated.toString());
        return item;
    }

    private List<Map<String, Object>> vectors(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        return embeddings.embedAll(passages).stream().map(v -> Map.<String, Object>of("vector", v)).toList();
    }

    private static BulkOperation put(String target, String id, Map<String, Object> source) {
        return BulkOperation.of(b -> b.index(i -> i.index(target).id(id).document(source)));
    }

    private static BulkOperation delete(String target, String id) {
        return BulkOperation.of(b -> b.delete(d -> d.index(target).id(id)));
    }

    private void bulk(List<BulkOperation> operations) throws IOException {
        BulkResponse response = es.bulk(b -> b.operations(operations));
        if (response.errors()) {
            String reasons = response.items().stream()
                    .filter(item -> item.error() != null && item.status() != 404)
                    .map(item -> item.id() + ": " + item.error().reason()).reduce((a, b) -> a + "; " + b)
                    .orElse(null);
            if (reasons != null) {
                throw new IllegalStateException("Elasticsearch refused memory items: " + reasons);
            }
        }
    }
}
