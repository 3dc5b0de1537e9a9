package io.agentledger.kernel.apikey;

import io.agentledger.kernel.page.PageSpec;

public final class ApiKeyQueries {

    private ApiKeyQueries() {
    }

    public record ListApiKeys(String userId, String tenantId, PageSpec pageSpec) {
    }
}
