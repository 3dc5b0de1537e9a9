package io.agentledger.kernel.credential;

import java.time.Instant;

/** Seed 004's secret, never its value; with its expiry and use, which runs resolving it update. */
public record SecretView(String name, String description, Instant expiresAt, Instant lastUsed, long usageCount,
                         Instant createdAt, Instant updatedAt) {

    public static SecretView of(CredentialView credential) {
        CredentialView.Metadata metadata = credential.metadata();
        return new SecretView(credential.serviceName(), metadata.description(), metadata.expiresAt(),
                metadata.lastUsed(), metadata.usageCount(), credential.createdAt(), credential.updatedAt());
    }
}
