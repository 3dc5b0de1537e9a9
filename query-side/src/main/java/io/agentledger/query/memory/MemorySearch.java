package io.agentledger.query.memory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.memory.Sensitivity;
import io.agentledger.projection.search.MemoryEmbeddings;
import io.agentledger.projection.search.SearchIndex;
import io.agentledger.projection.search.SearchUnavailable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid memory search: BM25 over title, content and names, and kNN over the passages' embeddings, each
 * under the same walls (tenant, sensitivity, uploader) and filters, fused by reciprocal rank in the
 * application. Highlights come from the keyword side.
 */
@Component
public class MemorySearch {

    private static final int MAX_CONTENT = 2000;
    private static final List<String> NO_CHUNKS = List.of("chunks");

    private final ElasticsearchClient es;
    private final SearchIndex index;
    private final MemoryEmbeddings embeddings;
    private final double minSimilarity;

    public MemorySearch(ElasticsearchClient es, @Qualifier("memoryIndex") SearchIndex index,
                        MemoryEmbeddings embeddings,
                        @Value("${agentledger.memory.min-similarity:0.3}") double minSimilarity) {
        this.es = es;
        this.index = index;
        this.embeddings = embeddings;
        this.minSimilarity = minSimilarity;
    }

    @SuppressWarnings("rawtypes")
    public Map<String, Object> search(Caller caller, MemorySearchRequest request) {
        List<Query> filters = filters(caller, request);
        int window = Math.min(200, Math.max(request.limit() * 3, 30));
        List<Float> vector = toList(embeddings.embed(request.query()));
        List<Hit<Map>> keyword;
        List<Hit<Map>> semantic;
        try {
            index.ensure();
            // one round trip: Elasticsearch runs both searches side by side
            MsearchResponse<Map> both = es.msearch(m -> m
                    .searches(s -> s.header(h -> h.index(index.alias())).body(b -> b.size(window)
                            .source(src -> src.filter(f -> f.excludes(NO_CHUNKS)))
                            .query(q -> q.bool(bool -> bool.filter(filters).must(must -> must.multiMatch(mm -> mm
                                    .query(request.query()).fields("title^2", "content", "name^2")))))
                            .highlight(h -> h.preTags("<em>").postTags("</em>")
                                    .fields("content", f -> f.fragmentSize(160).numberOfFragments(3))
                                    .fields("title", f -> f.numberOfFragments(0))
                                    .fields("name", f -> f.numberOfFragments(0)))))
                    .searches(s -> s.header(h -> h.index(index.alias())).body(b -> b.size(window)
                            .source(src -> src.filter(f -> f.excludes(NO_CHUNKS)))
                            .knn(k -> k.field("chunks.vector").queryVector(vector).k(window)
                                    .numCandidates(window * 2).similarity((float) minSimilarity).filter(filters)))),
                    Map.class);
            keyword = hits(both.responses().get(0));
            semantic = hits(both.responses().get(1));
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw SearchUnavailable.because(e);
        }
        Map<String, Hit<Map>> hits = new LinkedHashMap<>();
        keyword.forEach(hit -> hits.put(hit.id(), hit));
        semantic.forEach(hit -> hits.putIfAbsent(hit.id(), hit));
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(ids(keyword), ids(semantic)));
        List<Map<String, Object>> results = new ArrayList<>();
        for (RankFusion.Fused item : fused.subList(0, Math.min(request.limit(), fused.size()))) {
            Hit<Map> hit = hits.get(item.id());
            Hit<Map> keywordHit = keyword.stream().filter(h -> h.id().equals(item.id())).findFirst().orElse(null);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("item", item(hit.id(), hit.source()));
            result.put("score", item.score());
            result.put("highlights", keywordHit == null ? Map.of() : keywordHit.highlight());
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", results);
        answer.put("total", fused.size());
        answer.put("query", request.query());
        return answer;
    }

    private static List<Query> filters(Caller caller, MemorySearchRequest request) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("tenant_id", caller.tenantId()));
        List<FieldValue> readable = Sensitivity.readableBy(caller).stream().map(FieldValue::of).toList();
        filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.terms(t -> t.field("sensitivities").terms(v -> v.value(readable))))
                .should(term("uploaders", caller.userId())))));
        if (request.type() != null) {
            filters.add(term("kind", request.type()));
        }
        if (request.sensitivity() != null) {
            filters.add(term("sensitivities", request.sensitivity()));
        }
        if (request.owner() != null) {
            filters.add(term("owner", request.owner()));
        }
        request.tags().forEach(tag -> filters.add(term("tags", tag)));
        if (request.from() != null || request.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field("created_at");
                if (request.from() != null) {
                    u.gte(JsonData.of(request.from().toString()));
                }
                if (request.to() != null) {
                    u.lte(JsonData.of(request.to().toString()));
                }
                return u;
            }))));
        }
        return filters;
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    @SuppressWarnings("rawtypes")
    private static List<String> ids(List<Hit<Map>> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    @SuppressWarnings("rawtypes")
    private static List<Hit<Map>> hits(MultiSearchResponseItem<Map> item) {
        if (item.isFailure()) {
            throw new IllegalStateException("Elasticsearch search failed: " + item.failure().error().reason());
        }
        return item.result().hits().hits();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(String id, Map<String, Object> source) {
        Map<String, Object> item = new LinkedHashMap<>();
        String kind = (String) source.get("kind");
        item.put("id", id);
        item.put("type", kind);
        switch (kind) {
            case "document" -> {
                item.put("source_uri", source.get("source_uri"));
                item.put("app", source.get("app"));
                item.put("owner", source.get("owner"));
                item.put("title", source.get("title"));
                String content = (String) source.get("content");
                item.put("content", content != null && content.length() > MAX_CONTENT
                        ? content.substring(0, MAX_CONTENT) + "…" : content);
                item.put("metadata", source.get("metadata"));
                item.put("tags", source.get("tags"));
                item.put("sensitivity", ((List<String>) source.get("sensitivities")).get(0));
            }
            case "episode" -> {
                item.put("episode_type", source.get("type"));
                item.put("document_id", source.get("document_id"));
                item.put("title", source.get("title"));
                item.put("summary", source.get("content"));
                item.put("participants", source.get("participants"));
                item.put("sensitivity", ((List<String>) source.get("sensitivities")).get(0));
            }
            default -> {
                item.put("entity_type", source.get("type"));
                item.put("name", source.get("name"));
            }
        }
        item.put("created_at", source.get("created_at"));
        item.put("updated_at", source.get("updated_at"));
        return item;
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
