package io.agentledger.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes synthetic memory documents straight into a memory index, shaped as the memory-search projection writes
 * them: 90% in the tenant searched, 10% in another, one in seven private. Going around the event store keeps
 * loading 100k documents to a minute; what is measured is the search.
 */
final class MemoryCorpusLoader {

    private static final int BATCH = 1000;

    private MemoryCorpusLoader() {
    }

    static void load(ElasticsearchClient es, String alias, SyntheticCorpus corpus, int documents, String tenant)
            throws Exception {
        Instant now = Instant.now();
        for (int start = 0; start < documents; start += BATCH) {
            List<BulkOperation> operations = new ArrayList<>();
            for (int i = start; i < Math.min(documents, start + BATCH); i++) {
                SyntheticCorpus.Document document = corpus.next();
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("kind", "document");
                source.put("tenant_id", i % 10 == 9 ? "tenant_other" : tenant);
                source.put("document_id", "doc_bench" + i);
                source.put("sensitivities", List.of(i % 7 == 0 ? "private" : "internal"));
                source.put("uploaders", List.of("user_" + (i % 50)));
                source.put("title", document.text().substring(0, document.text().indexOf('.') + 1));
                source.put("content", document.text());
                source.put("source_uri", "bench://" + i);
                source.put("tags", List.of());
                source.put("created_at", now.minusSeconds(i).toString());
                source.put("updated_at", now.toString());
                source.put("chunks", List.of(Map.of("vector", document.vector())));
                String id = "doc_bench" + i;
                operations.add(BulkOperation.of(b -> b.index(x -> x.index(alias).id(id).document(source))));
            }
            if (es.bulk(b -> b.operations(operations)).errors()) {
                throw new IllegalStateException("Elasticsearch refused part of batch " + start);
            }
            if (start % 20_000 == 0) {
                System.out.printf("loaded %,d of %,d memory documents%n", start, documents);
            }
        }
        es.indices().refresh(r -> r.index(alias));
    }
}
