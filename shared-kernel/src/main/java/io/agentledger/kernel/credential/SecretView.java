package io.agentledger.kernel.credential;

import java.time.Instant;

/** Seed 004's secret: never its value. */
public record SecretView(String name, String description, Instant createdAt, Instant updatedAt) {

    public static SecretView of(CredentialView credential) {
        return new SecretView(credential.serviceName(), credential.metadata().description(), credential.createdAt(),
                credential.updatedAt());
    }
}
