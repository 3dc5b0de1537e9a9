package io.agentledger.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The Elasticsearch client, with short timeouts: a cluster that is away must not hold requests. */
@Configuration(proxyBeanMethods = false)
public class SearchClientConfiguration {

    @Bean(destroyMethod = "close")
    public RestClient searchRestClient(SearchEndpoint endpoint,
                                       @Value("${agentledger.search.connect-timeout:PT2S}") Duration connect,
                                       @Value("${agentledger.search.socket-timeout:PT30S}") Duration socket) {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(endpoint.url()))
                .setRequestConfigCallback(config -> config.setConnectTimeout((int) connect.toMillis())
                        .setSocketTimeout((int) socket.toMillis()));
        if (endpoint.apiKey() != null) {
            builder.setDefaultHeaders(new Header[]{new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "ApiKey " + endpoint.apiKey())});
        } else if (endpoint.username() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(endpoint.username(),
                    endpoint.password()));
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    @Bean
    public ElasticsearchClient elasticsearchClient(RestClient searchRestClient) {
        return new ElasticsearchClient(new RestClientTransport(searchRestClient, new JacksonJsonpMapper()));
    }
}
