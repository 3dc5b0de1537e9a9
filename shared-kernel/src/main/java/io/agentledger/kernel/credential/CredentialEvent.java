package io.agentledger.kernel.credential;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** No event carries a value in clear: only {@link SealedValue}s. */
public sealed interface CredentialEvent permits CredentialEvent.CredentialStored, CredentialEvent.CredentialChanged,
        CredentialEvent.CredentialRevealed, CredentialEvent.CredentialUsed, CredentialEvent.CredentialDeleted {

    String credentialId();

    String tenantId();

    /** {@code name}: the service name of a credential, the name of a secret. */
    @Revision("1")
    record CredentialStored(String credentialId, String tenantId, String ownerId, CredentialKind kind, String name,
                            CredentialType credentialType, SealedValue value, String description, Instant expiresAt,
                            boolean autoRotate) implements CredentialEvent {
    }

    /** Null fields are unchanged. */
    @Revision("1")
    record CredentialChanged(String credentialId, String tenantId, String changedBy, SealedValue value,
                             String description, Instant expiresAt, Boolean autoRotate) implements CredentialEvent {
    }

    @Revision("1")
    record CredentialRevealed(String credentialId, String tenantId, String revealedBy, String reason)
            implements CredentialEvent {
    }

    /** {@code purpose}: what used it, e.g. {@code verify} or a run's step. */
    @Revision("1")
    record CredentialUsed(String credentialId, String tenantId, String usedBy, String purpose)
            implements CredentialEvent {
    }

    @Revision("1")
    record CredentialDeleted(String credentialId, String tenantId, CredentialKind kind, String name,
                             String deletedBy) implements CredentialEvent {
    }
}
