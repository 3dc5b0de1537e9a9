package io.agentledger.kernel.invitation;

import io.agentledger.kernel.identity.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public final class InvitationCommands {

    private InvitationCommands() {
    }

    public record InviteUser(@TargetAggregateIdentifier String invitationId, String tenantId, String email, Role role,
                             String invitedBy, Instant expiresAt) {
    }

    /** {@code acceptedAt} is the time the request arrived, so the aggregate can judge expiry deterministically. */
    public record AcceptInvitation(@TargetAggregateIdentifier String invitationId, String userId, String email,
                                   Instant acceptedAt) {
    }
}
