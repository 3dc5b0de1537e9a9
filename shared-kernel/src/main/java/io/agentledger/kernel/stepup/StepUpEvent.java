package io.agentledger.kernel.stepup;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Events of a user's step-up factors; applied by the user's aggregate. Backup codes never appear here. */
public sealed interface StepUpEvent permits StepUpEvent.AuthenticatorRegistered, StepUpEvent.StepUpVerified,
        StepUpEvent.BackupCodesIssued, StepUpEvent.AuthenticatorRemoved {

    String userId();

    String tenantId();

    /** {@code attestedCredentialData}: the authenticator's public key record (base64), not a secret. */
    @Revision("1")
    record AuthenticatorRegistered(String userId, String tenantId, String authenticatorId, String credentialId,
                                   String attestedCredentialData, long signCount) implements StepUpEvent {
    }

    /**
     * {@code principal}: the session or API key the step-up holds for; {@code method} {@code webauthn}
     * (with the authenticator and its new signature counter) or {@code backup_code}.
     */
    @Revision("1")
    record StepUpVerified(String userId, String tenantId, String principal, String method, String authenticatorId,
                          long signCount, Instant validUntil) implements StepUpEvent {
    }

    @Revision("1")
    record BackupCodesIssued(String userId, String tenantId, int count) implements StepUpEvent {
    }

    @Revision("1")
    record AuthenticatorRemoved(String userId, String tenantId, String authenticatorId) implements StepUpEvent {
    }
}
