package io.agentledger.kernel.credential;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Values travel sealed, never in clear. */
public final class CredentialCommands {

    private CredentialCommands() {
    }

    /** {@code byTenantAdmin}: the caller administers the tenant; only they write its shared secrets. */
    public record StoreCredential(@TargetAggregateIdentifier String credentialId, String tenantId, String ownerId,
                                  CredentialKind kind, String name, CredentialType credentialType,
                                  SealedValue value, String description, Instant expiresAt, boolean autoRotate,
                                  boolean byTenantAdmin) {
    }

    public record ChangeCredential(@TargetAggregateIdentifier String credentialId, String tenantId, String changedBy,
                                   SealedValue value, String description, Instant expiresAt, Boolean autoRotate,
                                   boolean byTenantAdmin) {
    }

    /** {@code steppedUp}: the caller holds a step-up in force; checked after access, so strangers learn nothing. */
    public record RecordReveal(@TargetAggregateIdentifier String credentialId, String tenantId, String revealedBy,
                               String reason, boolean steppedUp) {
    }

    public record RecordUse(@TargetAggregateIdentifier String credentialId, String tenantId, String usedBy,
                            String purpose) {
    }

    public record DeleteCredential(@TargetAggregateIdentifier String credentialId, String tenantId,
                                   String deletedBy, boolean byTenantAdmin) {
    }
}
