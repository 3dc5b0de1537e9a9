package io.agentledger.app.search;

import io.agentledger.projection.search.EmbeddedSearchNode;
import io.agentledger.projection.search.SearchEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Where Elasticsearch is: {@code ELASTICSEARCH_URL} (with {@code ELASTICSEARCH_USERNAME}/{@code _PASSWORD}
 * or {@code ELASTICSEARCH_API_KEY}) in production; otherwise a node this service starts itself, keeping
 * its data under {@code agentledger.data-dir}: from the build's classpath
 * ({@code agentledger.search.embedded.classpath}) or from the jars the packaged service carries.
 */
@Configuration(proxyBeanMethods = false)
public class SearchNodeConfiguration {

    @Bean
    @ConditionalOnExpression("'${agentledger.search.url:}'.isEmpty()")
    public EmbeddedSearchNode embeddedSearchNode(@Value("${agentledger.search.embedded.classpath:}") String classpath,
                                                 @Value("${agentledger.data-dir:./data}") String dataDir,
                                                 @Value("${agentledger.search.embedded.heap:512m}") String heap,
                                                 @Value("${agentledger.search.embedded.port:0}") int port) {
        String nodeClasspath = !classpath.isBlank() ? classpath : BundledSearchNode.classpath(Path.of(dataDir))
                .orElseThrow(() -> new IllegalStateException("No Elasticsearch configured: set ELASTICSEARCH_URL, "
                        + "or run the packaged jar or the build (./mvnw -pl app -am spring-boot:run), which start a "
                        + "local node"));
        EmbeddedSearchNode node = new EmbeddedSearchNode(nodeClasspath, Path.of(dataDir, "elasticsearch"), heap,
                port);
        node.start();
        return node;
    }

    @Bean
    @ConditionalOnExpression("'${agentledger.search.url:}'.isEmpty()")
    public SearchEndpoint embeddedSearchEndpoint(EmbeddedSearchNode node) {
        return new SearchEndpoint(node.url(), null, null, null);
    }

    @Bean
    @ConditionalOnExpression("!'${agentledger.search.url:}'.isEmpty()")
    public SearchEndpoint configuredSearchEndpoint(@Value("${agentledger.search.url}") String url,
                                                   @Value("${agentledger.search.username:}") String username,
                                                   @Value("${agentledger.search.password:}") String password,
                                                   @Value("${agentledger.search.api-key:}") String apiKey) {
        return new SearchEndpoint(url, blankToNull(username), blankToNull(password), blankToNull(apiKey));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
