package io.agentledger.kernel.credential;

import java.time.Instant;

/** Seed 003's credential without its value (which only a reveal returns). */
public record CredentialView(String id, String userId, CredentialKind kind, String serviceName,
                             CredentialType credentialType, String encryptionKeyId, Metadata metadata, long version,
                             Instant createdAt, Instant updatedAt) {

    public record Metadata(String description, Instant expiresAt, Instant lastUsed, long usageCount,
                           boolean autoRotate) {
    }
}
