package io.agentledger.command.identity;

import io.agentledger.command.web.MessageResponse;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.invitation.InvitationCommands.InviteUser;
import io.agentledger.kernel.user.UserCommands.ChangeUserRole;
import io.agentledger.kernel.user.UserCommands.DeactivateUser;
import io.agentledger.kernel.user.UserQueries.FindUserVersion;
import io.agentledger.command.identity.auth.AuthProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** A tenant admin's management of the tenant's users. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('manage:users')")
public class UserAdminController {

    private final CommandGateway commands;
    private final IdentityLookup lookup;
    private final CredentialVault vault;
    private final TransactionTemplate transaction;
    private final AuthProperties properties;
    private final ReadModelAwait readModel;
    private final Clock clock;

    public UserAdminController(CommandGateway commands, IdentityLookup lookup, CredentialVault vault,
                               TransactionTemplate transaction, AuthProperties properties,
                               ReadModelAwait readModel, Clock clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.vault = vault;
        this.transaction = transaction;
        this.properties = properties;
        this.readModel = readModel;
        this.clock = clock;
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public InvitationResponse invite(@Valid @RequestBody InviteRequest body, @AuthenticationPrincipal Caller caller) {
        if (lookup.emailTaken(body.email())) {
            throw new DomainException(ErrorCode.DUPLICATE, "An account with this email already exists");
        }
        String invitationId = Ids.newId(IdPrefix.INVITATION, clock);
        String token = invitationId + "." + SecretTokens.random(40);
        Instant expiresAt = clock.instant().plus(properties.invitationTtl());
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new InviteUser(invitationId, caller.tenantId(), body.email().trim(), body.role(),
                    caller.userId(), expiresAt));
            vault.store(invitationId, CredentialVault.Kind.INVITATION, SecretTokens.sha256(token));
        });
        return new InvitationResponse(invitationId, token, body.email().trim(), body.role(), expiresAt);
    }

    @PutMapping("/{userId}/role")
    public MessageResponse changeRole(@PathVariable String userId, @Valid @RequestBody RoleRequest body,
                                      @AuthenticationPrincipal Caller caller) {
        long version = commands.sendAndWait(new ChangeUserRole(userId, caller.tenantId(), body.role(),
                caller.userId()));
        readModel.awaitVersion(new FindUserVersion(userId), version);
        return new MessageResponse("Role changed to " + body.role().wireName());
    }

    @PostMapping("/{userId}/deactivate")
    public MessageResponse deactivate(@PathVariable String userId, @AuthenticationPrincipal Caller caller) {
        long version = commands.sendAndWait(new DeactivateUser(userId, caller.tenantId(), caller.userId()));
        readModel.awaitVersion(new FindUserVersion(userId), version);
        return new MessageResponse("User deactivated");
    }

    public record InviteRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role) {
    }

    public record RoleRequest(@NotNull Role role) {
    }

    /** The only response that ever holds {@code invitation_token}: hand it to the invitee. */
    public record InvitationResponse(String invitationId, String invitationToken, String email, Role role,
                                     Instant expiresAt) {
    }
}
