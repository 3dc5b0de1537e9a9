package io.agentledger.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The memory index, named {@code <agentledger.search.index-prefix>memory} (the alias searches read). */
@Configuration(proxyBeanMethods = false)
public class SearchIndexConfiguration {

    @Bean
    public SearchIndex memoryIndex(ElasticsearchClient es, JdbcTemplate jdbc, Clock clock,
                                   @Value("${agentledger.search.index-prefix:agentledger-}") String prefix) {
        return new SearchIndex(es, jdbc, prefix + "memory", "search/memory-index.json", clock);
    }
}
