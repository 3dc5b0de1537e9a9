package io.agentledger.kernel.stepup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public final class StepUpCommands {

    private StepUpCommands() {
    }

    public record RegisterAuthenticator(@TargetAggregateIdentifier String userId, String tenantId,
                                        String authenticatorId, String credentialId, String attestedCredentialData,
                                        long signCount) {
    }

    public record RecordStepUp(@TargetAggregateIdentifier String userId, String tenantId, String principal,
                               String method, String authenticatorId, long signCount, Instant validUntil) {
    }

    public record IssueBackupCodes(@TargetAggregateIdentifier String userId, String tenantId, int count) {
    }
}
