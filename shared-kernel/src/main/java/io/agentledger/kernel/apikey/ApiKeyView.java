package io.agentledger.kernel.apikey;

import java.time.Instant;

public record ApiKeyView(String id, String name, String keyPrefix, boolean isActive, Instant lastUsedAt,
                         Instant expiresAt, Instant createdAt, Instant revokedAt) {
}
