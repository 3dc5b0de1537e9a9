package io.agentledger.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.agentledger.projection.search.MemoryEmbeddings;
import io.agentledger.projection.search.SearchClientConfiguration;
import io.agentledger.projection.search.SearchEndpoint;
import org.elasticsearch.client.RestClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read latency over large data, one request at a time over HTTP: filtered audit pages and hybrid memory search. */
final class QueryBenchmark {

    private QueryBenchmark() {
    }

    /** Pages of the audit log filtered by action, by user, or by resource type and dates, deep and shallow. */
    static Map<String, Object> audit(Http http, BenchUser auditor, long auditRows, int queries) {
        List<String> filters = List.of("action=goal.update", "action=goal.create", "user_id=" + auditor.id(),
                "resource_type=goal&date_from=2020-01-01T00:00:00Z", "action=goal.start&success=true");
        Latencies latencies = new Latencies(queries);
        for (int i = 0; i < queries + 20; i++) {
            String query = "?" + filters.get(i % filters.size()) + "&page=" + (1 + i % 10) + "&size=50";
            long start = System.nanoTime();
            http.get("/api/v1/audit/logs" + query, auditor.token()).require(200, "audit logs " + query);
            if (i >= 20) {
                latencies.record(System.nanoTime() - start);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("audit_rows", auditRows);
        result.putAll(latencies.summary());
        System.out.printf("audit query over %,d rows: p50 %.2f ms, p99 %.2f ms%n", auditRows,
                latencies.percentile(50), latencies.percentile(99));
        return result;
    }

    /** Loads documents into the service's memory index for {@code user}'s tenant, then searches as that user. */
    static Map<String, Object> memory(Http http, BenchUser user, String searchUrl, String indexPrefix,
                                      int documents, int queries) throws Exception {
        SyntheticCorpus corpus = new SyntheticCorpus(new MemoryEmbeddings());
        SearchClientConfiguration configuration = new SearchClientConfiguration();
        try (RestClient rest = configuration.searchRestClient(new SearchEndpoint(searchUrl, null, null, null),
                Duration.ofSeconds(5), Duration.ofSeconds(120))) {
            ElasticsearchClient es = configuration.elasticsearchClient(rest);
            // the service creates its index behind the alias on first use; loading first would create an
            // index of the alias's name instead
            http.get("/api/v1/memory/search?limit=1&q=warm", user.token()).require(200, "memory search");
            long begin = System.nanoTime();
            MemoryCorpusLoader.load(es, indexPrefix + "memory", corpus, documents, user.tenantId());
            double loadSeconds = (System.nanoTime() - begin) / 1e9;
            Latencies latencies = new Latencies(queries);
            long results = 0;
            for (int i = 0; i < queries + 20; i++) {
                String path = "/api/v1/memory/search?limit=10&q=" + URLEncoder.encode(corpus.query(),
                        StandardCharsets.UTF_8);
                long start = System.nanoTime();
                Http.Response response = http.get(path, user.token()).require(200, "memory search");
                if (i >= 20) {
                    latencies.record(System.nanoTime() - start);
                    results += response.body().path("results").size();
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("documents", documents);
            result.put("load_seconds", Math.round(loadSeconds));
            result.put("results_per_query", Math.round(results * 10.0 / Math.max(1, queries)) / 10.0);
            result.putAll(latencies.summary());
            System.out.printf("memory search over %,d documents: p50 %.2f ms, p99 %.2f ms%n", documents,
                    latencies.percentile(50), latencies.percentile(99));
            return result;
        }
    }
}
