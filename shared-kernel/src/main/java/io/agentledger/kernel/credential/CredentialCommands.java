package io.agentledger.kernel.credential;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Values travel sealed, never in clear. */
public final class CredentialCommands {

    private CredentialCommands() {
    }

    public record StoreCredential(@TargetAggregateIdentifier String credentialId, String tenantId, String ownerId,
                                  CredentialKind kind, String name, CredentialType credentialType,
                                  SealedValue value, String description, Instant expiresAt, boolean autoRotate) {
    }

    public record ChangeCredential(@TargetAggregateIdentifier String credentialId, String tenantId, String changedBy,
                                   SealedValue value, String description, Instant expiresAt, Boolean autoRotate) {
    }

    public record RecordReveal(@TargetAggregateIdentifier String credentialId, String tenantId, String revealedBy,
                               String reason) {
    }

    public record RecordUse(@TargetAggregateIdentifier String credentialId, String tenantId, String usedBy,
                            String purpose) {
    }

    public record DeleteCredential(@TargetAggregateIdentifier String credentialId, String tenantId,
                                   String deletedBy) {
    }
}
