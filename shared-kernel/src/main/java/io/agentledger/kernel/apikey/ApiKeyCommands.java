package io.agentledger.kernel.apikey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The key itself never travels in a command; only its display prefix does. */
public final class ApiKeyCommands {

    private ApiKeyCommands() {
    }

    public record CreateApiKey(@TargetAggregateIdentifier String apiKeyId, String userId, String tenantId,
                               String name, String keyPrefix, Instant expiresAt) {
    }

    public record RevokeApiKey(@TargetAggregateIdentifier String apiKeyId, String userId, String tenantId) {
    }

    public record RecordApiKeyUse(@TargetAggregateIdentifier String apiKeyId) {
    }
}
