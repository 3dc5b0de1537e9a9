package io.agentledger.query.apikey;

import io.agentledger.kernel.apikey.ApiKeyPage;
import io.agentledger.kernel.apikey.ApiKeyQueries.ListApiKeys;
import io.agentledger.projection.apikey.ApiKeyViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ApiKeyQueryHandler {

    private final ApiKeyViewRepository apiKeys;

    public ApiKeyQueryHandler(ApiKeyViewRepository apiKeys) {
        this.apiKeys = apiKeys;
    }

    @QueryHandler
    public ApiKeyPage handle(ListApiKeys query) {
        return apiKeys.listOf(query.userId(), query.tenantId(), query.pageSpec());
    }
}
