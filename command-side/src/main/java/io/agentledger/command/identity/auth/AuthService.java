package io.agentledger.command.identity.auth;

import io.agentledger.command.identity.CredentialVault;
import io.agentledger.command.identity.IdentityLookup;
import io.agentledger.command.identity.IdentityLookup.UserEntry;
import io.agentledger.command.identity.InvitationAggregate.InvitationTerms;
import io.agentledger.command.identity.SecretTokens;
import io.agentledger.command.identity.auth.TokenCodec.TokenClaims;
import io.agentledger.command.system.PlatformAdmins;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.invitation.InvitationCommands.AcceptInvitation;
import io.agentledger.kernel.session.LoginFailed;
import io.agentledger.kernel.session.SessionCommands.EndSession;
import io.agentledger.kernel.session.SessionCommands.RefreshOutcome;
import io.agentledger.kernel.session.SessionCommands.RefreshSession;
import io.agentledger.kernel.session.SessionCommands.StartSession;
import io.agentledger.kernel.tenant.TenantCommands.CreateTenant;
import io.agentledger.kernel.user.UserCommands.RegisterUser;
import io.agentledger.kernel.user.UserQueries.FindUserVersion;
import io.agentledger.axon.metadata.AuditMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registration, login, token refresh and logout. Each success is one transaction holding the events
 * and the vault entries; a refused login is recorded in a transaction of its own.
 */
@Service
public class AuthService {

    static final String INVALID_CREDENTIALS = "Invalid credentials";

    private final CommandGateway commands;
    private final EventGateway events;
    private final IdentityLookup lookup;
    private final CredentialVault vault;
    private final TokenCodec tokens;
    private final AuthProperties properties;
    private final BCryptPasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final ReadModelAwait readModel;
    private final Clock clock;
    private final String dummyDigest;
    private final PlatformAdmins platformAdmins;
    private final LoginAttempts loginAttempts;

    public AuthService(CommandGateway commands, EventGateway events, IdentityLookup lookup, CredentialVault vault,
                       TokenCodec tokens, AuthProperties properties, TransactionTemplate transaction,
                       ReadModelAwait readModel, Clock clock, PlatformAdmins platformAdmins,
                       LoginAttempts loginAttempts) {
        this.platformAdmins = platformAdmins;
        this.loginAttempts = loginAttempts;
        this.commands = commands;
        this.events = events;
        this.lookup = lookup;
        this.vault = vault;
        this.tokens = tokens;
        this.properties = properties;
        this.passwords = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.transaction = transaction;
        this.readModel = readModel;
        this.clock = clock;
        this.dummyDigest = passwords.encode(SecretTokens.random(16));
    }

    public IssuedTokens register(Registration registration) {
        if (lookup.emailTaken(registration.email())) {
            throw new DomainException(ErrorCode.DUPLICATE, "An account with this email already exists");
        }
        if (lookup.usernameTaken(registration.username())) {
            throw new DomainException(ErrorCode.DUPLICATE, "This username is taken");
        }
        String digest = passwords.encode(registration.password());
        IssuedTokens issued = transaction.execute(status -> {
            String userId = Ids.newId(IdPrefix.USER, clock);
            String tenantId;
            Role role;
            String invitationId = null;
            if (registration.invitationToken() == null) {
                tenantId = Ids.newId(IdPrefix.TENANT, clock);
                role = Role.ADMIN;
                sendAs(userId, tenantId, new CreateTenant(tenantId, registration.username(), userId));
            } else {
                invitationId = redeemableInvitation(registration.invitationToken());
                InvitationTerms terms = sendAs(userId, null,
                        new AcceptInvitation(invitationId, userId, registration.email(), clock.instant()));
                tenantId = terms.tenantId();
                role = terms.role();
            }
            sendAs(userId, tenantId, new RegisterUser(userId, tenantId, registration.email(), registration.username(),
                    registration.fullName(), role, invitationId));
            vault.store(userId, CredentialVault.Kind.PASSWORD, digest);
            UserEntry user = new UserEntry(userId, tenantId, registration.email(), registration.username(),
                    registration.fullName(), role, true);
            return startSession(user, "registration");
        });
        if (registration.invitationToken() == null) {
            platformAdmins.claimIfUnowned(issued.user().userId(), issued.user().tenantId());
        }
        readModel.awaitVersion(new FindUserVersion(issued.user().userId()), 0);
        return issued;
    }

    public IssuedTokens login(String identifier, String password) {
        loginAttempts.acquire(identifier);
        Optional<UserEntry> found = lookup.findUserByLogin(identifier);
        String digest = found.flatMap(u -> vault.digestOf(u.userId(), CredentialVault.Kind.PASSWORD))
                .orElse(dummyDigest);
        boolean passwordMatches = passwords.matches(password, digest);
        if (found.isEmpty()) {
            refuseLogin(identifier, null, "unknown_identity");
        }
        UserEntry user = found.get();
        if (!passwordMatches) {
            refuseLogin(identifier, user, "bad_password");
        }
        if (!user.active()) {
            refuseLogin(identifier, user, "user_deactivated");
        }
        return transaction.execute(status -> startSession(user, "password"));
    }

    public IssuedTokens refresh(String refreshToken) {
        TokenClaims claims = tokens.verify(refreshToken, TokenClaims.Type.REFRESH)
                .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHORIZED, "Invalid or expired refresh token"));
        UserEntry user = lookup.findUser(claims.userId()).filter(UserEntry::active)
                .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHORIZED, "Invalid or expired refresh token"));
        String newTokenId = Ids.newId(IdPrefix.TOKEN, clock);
        Instant refreshExpiry = clock.instant().plus(properties.refreshTokenTtl());
        RefreshOutcome outcome = sendAs(user.userId(), user.tenantId(),
                new RefreshSession(claims.sessionId(), claims.tokenId(), newTokenId, refreshExpiry));
        return switch (outcome) {
            case ROTATED -> issue(user, claims.sessionId(), newTokenId, refreshExpiry);
            case REUSE_DETECTED -> throw new DomainException(ErrorCode.UNAUTHORIZED,
                    "Refresh token already used: the session has been revoked, log in again");
            case SESSION_CLOSED -> throw new DomainException(ErrorCode.UNAUTHORIZED,
                    "The session has ended, log in again");
        };
    }

    public void logout(String userId, String sessionId) {
        if (sessionId == null) {
            throw DomainException.invalid("Logout ends a login session; an API key is revoked instead");
        }
        commands.sendAndWait(new EndSession(sessionId, userId));
    }

    private IssuedTokens startSession(UserEntry user, String method) {
        String sessionId = Ids.newId(IdPrefix.SESSION, clock);
        String tokenId = Ids.newId(IdPrefix.TOKEN, clock);
        Instant refreshExpiry = clock.instant().plus(properties.refreshTokenTtl());
        sendAs(user.userId(), user.tenantId(),
                new StartSession(sessionId, user.userId(), user.tenantId(), tokenId, refreshExpiry, method));
        return issue(user, sessionId, tokenId, refreshExpiry);
    }

    /** Names the acting user in the metadata: these requests come in before anyone is authenticated. */
    private <R> R sendAs(String userId, String tenantId, Object command) {
        Map<String, String> actor = new HashMap<>();
        actor.put(AuditMetadata.USER_ID, userId);
        if (tenantId != null) {
            actor.put(AuditMetadata.TENANT_ID, tenantId);
        }
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }

    private IssuedTokens issue(UserEntry user, String sessionId, String refreshTokenId, Instant refreshExpiry) {
        Instant accessExpiry = clock.instant().plus(properties.accessTokenTtl());
        String access = tokens.sign(new TokenClaims(TokenClaims.Type.ACCESS, user.userId(), user.tenantId(),
                sessionId, Ids.newId(IdPrefix.TOKEN, clock), accessExpiry));
        String refresh = tokens.sign(new TokenClaims(TokenClaims.Type.REFRESH, user.userId(), user.tenantId(),
                sessionId, refreshTokenId, refreshExpiry));
        return new IssuedTokens(access, refresh, properties.accessTokenTtl().toSeconds(), user);
    }

    private String redeemableInvitation(String token) {
        int dot = token.indexOf('.');
        String invitationId = dot > 0 ? token.substring(0, dot) : "";
        String expected = vault.digestOf(invitationId, CredentialVault.Kind.INVITATION).orElse(null);
        if (expected == null || !SecretTokens.sameDigest(expected, SecretTokens.sha256(token))) {
            throw DomainException.invalid("The invitation token is not valid");
        }
        return invitationId;
    }

    private void refuseLogin(String identifier, UserEntry user, String reason) {
        events.publish(new LoginFailed(identifier, user == null ? null : user.userId(),
                user == null ? null : user.tenantId(), reason));
        throw new DomainException(ErrorCode.UNAUTHORIZED, INVALID_CREDENTIALS);
    }

    public record Registration(String email, String username, String password, String fullName,
                               String invitationToken) {
    }

    public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, UserEntry user) {
    }
}
