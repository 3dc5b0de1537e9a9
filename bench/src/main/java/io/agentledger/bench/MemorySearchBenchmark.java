package io.agentledger.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import io.agentledger.projection.search.EmbeddedSearchNode;
import io.agentledger.projection.search.MemoryEmbeddings;
import io.agentledger.projection.search.SearchClientConfiguration;
import io.agentledger.projection.search.SearchEndpoint;
import io.agentledger.projection.search.SearchIndex;
import io.agentledger.query.memory.MemorySearch;
import io.agentledger.query.memory.MemorySearchRequest;
import org.elasticsearch.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory search latency over a large index: loads {@code bench.documents} documents (90% in the tenant
 * searched, 10% in another) into a real Elasticsearch node, then times {@code bench.queries} hybrid
 * searches (query embedding, BM25 and kNN requests, fusion) one after another, as the API runs them.
 * Writes {@code memory-search.json} and {@code memory-search.md} to {@code bench.output}.
 * {@code bench.search.url} points it at an existing cluster instead of a local node.
 */
public final class MemorySearchBenchmark {

    private static final String TENANT = "tenant_bench";

    private MemorySearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("bench.documents", 100_000);
        int queries = Integer.getInteger("bench.queries", 500);
        Path output = Path.of(System.getProperty("bench.output", "target/bench"));
        String url = System.getProperty("bench.search.url");
        EmbeddedSearchNode node = null;
        if (url == null || url.isBlank()) {
            Path home = output.resolve("search-node");
            org.springframework.util.FileSystemUtils.deleteRecursively(home);
            node = new EmbeddedSearchNode(System.getProperty("agentledger.search.embedded.classpath"), home, "1g", 0);
            node.start();
            url = node.url();
        }
        try (RestClient rest = new SearchClientConfiguration().searchRestClient(
                new SearchEndpoint(url, null, null, null), Duration.ofSeconds(5), Duration.ofSeconds(120))) {
            ElasticsearchClient es = new SearchClientConfiguration().elasticsearchClient(rest);
            // the rebuild bookkeeping (PostgreSQL) is not used by a load and a search, hence no JdbcTemplate
            SearchIndex index = new SearchIndex(es, null, "bench-memory-" + System.currentTimeMillis(),
                    "search/memory-index.json", Clock.systemUTC());
            index.ensure();
            MemoryEmbeddings embeddings = new MemoryEmbeddings();
            SyntheticCorpus corpus = new SyntheticCorpus(embeddings);
            long loadStart = System.nanoTime();
            MemoryCorpusLoader.load(es, index.alias(), corpus, documents, TENANT);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            MemorySearch search = new MemorySearch(es, index, embeddings, 0.3);
            Caller caller = new Caller("user_bench", TENANT, Role.USER, null, null);
            for (int i = 0; i < 50; i++) {
                search.search(caller, request(corpus.query()));
            }
            Latencies latencies = new Latencies(queries);
            long found = 0;
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                Map<String, Object> answer = search.search(caller, request(corpus.query()));
                latencies.record(System.nanoTime() - start);
                found += ((List<?>) answer.get("results")).size();
            }
            report(output, documents, queries, loadSeconds, latencies, found / (double) queries);
        } finally {
            if (node != null) {
                node.stop();
            }
        }
    }

    private static MemorySearchRequest request(String query) {
        return new MemorySearchRequest(query, null, null, null, null, List.of(), null, 10);
    }

    private static void report(Path output, int documents, int queries, double loadSeconds, Latencies latencies,
                               double resultsPerQuery) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "memory-search");
        report.put("documents", documents);
        report.put("queries", queries);
        report.put("load_seconds", Math.round(loadSeconds));
        report.put("latency", latencies.summary());
        report.put("results_per_query", Math.round(resultsPerQuery * 10) / 10.0);
        report.put("processors", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("measured_at", Instant.now().toString());
        Files.createDirectories(output);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(output.resolve("memory-search.json").toFile(), report);
        String table = """
                | memory search (hybrid, limit 10) | value |
                |---|---|
                | documents in the index | %,d |
                | queries timed | %,d |
                | p50 | %s ms |
                | p95 | %s ms |
                | p99 | %s ms |
                | processors | %d |
                """.formatted(documents, queries, latencies.percentile(50), latencies.percentile(95),
                latencies.percentile(99), Runtime.getRuntime().availableProcessors());
        Files.writeString(output.resolve("memory-search.md"), table);
        System.out.println(table);
    }
}
