package io.agentledger.projection.search;

/** An Elasticsearch cluster's address and, when it asks for them, credentials (basic or API key). */
public record SearchEndpoint(String url, String username, String password, String apiKey) {
}
