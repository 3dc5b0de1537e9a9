package io.agentledger.kernel.apikey;

import org.axonframework.serialization.Revision;

import java.time.Instant;

public sealed interface ApiKeyEvent permits ApiKeyEvent.ApiKeyCreated, ApiKeyEvent.ApiKeyUsed,
        ApiKeyEvent.ApiKeyRevoked {

    String apiKeyId();

    String tenantId();

    @Revision("1")
    record ApiKeyCreated(String apiKeyId, String userId, String tenantId, String name, String keyPrefix,
                         Instant expiresAt) implements ApiKeyEvent {
    }

    /** Recorded at most once a minute per key, so heavy use does not flood the event store. */
    @Revision("1")
    record ApiKeyUsed(String apiKeyId, String userId, String tenantId) implements ApiKeyEvent {
    }

    @Revision("1")
    record ApiKeyRevoked(String apiKeyId, String userId, String tenantId) implements ApiKeyEvent {
    }
}
