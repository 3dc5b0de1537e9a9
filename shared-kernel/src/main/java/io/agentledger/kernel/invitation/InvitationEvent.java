package io.agentledger.kernel.invitation;

import io.agentledger.kernel.identity.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

public sealed interface InvitationEvent permits InvitationEvent.UserInvited, InvitationEvent.InvitationAccepted {

    String invitationId();

    String tenantId();

    @Revision("1")
    record UserInvited(String invitationId, String tenantId, String email, Role role, String invitedBy,
                       Instant expiresAt) implements InvitationEvent {
    }

    @Revision("1")
    record InvitationAccepted(String invitationId, String tenantId, String userId) implements InvitationEvent {
    }
}
