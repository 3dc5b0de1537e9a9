package io.agentledger.projection.apikey;

import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyCreated;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyRevoked;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyUsed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(ApiKeyDirectoryProjection.GROUP)
public class ApiKeyDirectoryProjection {

    public static final String GROUP = "api-key-directory";

    private final ApiKeyViewRepository apiKeys;

    public ApiKeyDirectoryProjection(ApiKeyViewRepository apiKeys) {
        this.apiKeys = apiKeys;
    }

    @EventHandler
    void on(ApiKeyCreated event, @Timestamp Instant at) {
        apiKeys.insert(event, at);
    }

    @EventHandler
    void on(ApiKeyUsed event, @Timestamp Instant at) {
        apiKeys.recordUse(event.apiKeyId(), at);
    }

    @EventHandler
    void on(ApiKeyRevoked event, @Timestamp Instant at) {
        apiKeys.revoke(event.apiKeyId(), at);
    }

    @ResetHandler
    void reset() {
        apiKeys.deleteAll();
    }
}
