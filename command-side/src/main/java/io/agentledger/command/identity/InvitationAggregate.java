package io.agentledger.command.identity;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.invitation.InvitationCommands.AcceptInvitation;
import io.agentledger.kernel.invitation.InvitationCommands.InviteUser;
import io.agentledger.kernel.invitation.InvitationEvent.InvitationAccepted;
import io.agentledger.kernel.invitation.InvitationEvent.UserInvited;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An admin's invitation for one email address to join their tenant with a role; usable once. */
@Aggregate
public class InvitationAggregate {

    @AggregateIdentifier
    private String invitationId;
    private String tenantId;
    private String email;
    private Role role;
    private Instant expiresAt;
    private boolean accepted;

    protected InvitationAggregate() {
    }

    @CommandHandler
    public InvitationAggregate(InviteUser command) {
        apply(new UserInvited(command.invitationId(), command.tenantId(), command.email(), command.role(),
                command.invitedBy(), command.expiresAt()));
    }

    @CommandHandler
    public InvitationTerms handle(AcceptInvitation command) {
        if (accepted) {
            throw DomainException.conflict("This invitation has already been used");
        }
        if (!command.acceptedAt().isBefore(expiresAt)) {
            throw DomainException.conflict("This invitation has expired");
        }
        if (!email.equalsIgnoreCase(command.email())) {
            throw DomainException.invalid("This invitation is for another email address");
        }
        apply(new InvitationAccepted(invitationId, tenantId, command.userId()));
        return new InvitationTerms(tenantId, role);
    }

    @EventSourcingHandler
    void on(UserInvited event) {
        invitationId = event.invitationId();
        tenantId = event.tenantId();
        email = event.email();
        role = event.role();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        accepted = true;
    }

    public record InvitationTerms(String tenantId, Role role) {
    }
}
