package io.agentledger.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Whether Elasticsearch answers, how fast, and in what state its cluster is. */
@Component
public class SearchHealth {

    private final ElasticsearchClient es;

    public SearchHealth(ElasticsearchClient es) {
        this.es = es;
    }

    public Map<String, Object> check() {
        long start = System.nanoTime();
        Map<String, Object> health = new LinkedHashMap<>();
        try {
            String cluster = es.cluster().health().status().jsonValue();
            health.put("status", "red".equals(cluster) ? "down" : "up");
            health.put("cluster_status", cluster);
            health.put("response_time_ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            health.put("status", "down");
            health.put("error", e.getClass().getSimpleName());
        }
        return health;
    }
}
