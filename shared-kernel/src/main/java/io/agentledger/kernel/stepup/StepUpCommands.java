package io.agentledger.kernel.stepup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public final class StepUpCommands {

    private StepUpCommands() {
    }

    /**
     * {@code proof}: what the request showed besides its token; a user's first factor needs the
     * password, every later one a step-up in force. {@code backupCodes}: how many backup codes come
     * with it (a user's first factor brings them), 0 for none.
     */
    public record RegisterAuthenticator(@TargetAggregateIdentifier String userId, String tenantId,
                                        String authenticatorId, String credentialId, String attestedCredentialData,
                                        long signCount, int backupCodes, EnrolmentProof proof) {
    }

    public record RecordStepUp(@TargetAggregateIdentifier String userId, String tenantId, String principal,
                               String method, String authenticatorId, long signCount, Instant validUntil) {
    }

    /** New backup codes: the first need the password, replacements a step-up in force. */
    public record IssueBackupCodes(@TargetAggregateIdentifier String userId, String tenantId, int count,
                                   EnrolmentProof proof) {
    }

    /** Removing an authenticator needs a step-up in force. */
    public record RemoveAuthenticator(@TargetAggregateIdentifier String userId, String tenantId,
                                      String authenticatorId, EnrolmentProof proof) {
    }

    /** What the caller proved in the request: signed in with a session (not an API key), the password, a step-up. */
    public record EnrolmentProof(boolean signedIn, boolean passwordConfirmed, boolean steppedUp) {
    }
}
