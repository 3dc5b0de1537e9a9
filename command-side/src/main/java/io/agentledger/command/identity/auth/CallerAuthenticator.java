package io.agentledger.command.identity.auth;

import io.agentledger.command.identity.CredentialVault;
import io.agentledger.command.identity.IdentityStatusCache;
import io.agentledger.command.identity.IdentityLookup.ApiKeyEntry;
import io.agentledger.command.identity.IdentityLookup.UserEntry;
import io.agentledger.command.identity.SecretTokens;
import io.agentledger.command.identity.auth.TokenCodec.TokenClaims;
import io.agentledger.kernel.apikey.ApiKeyCommands.RecordApiKeyUse;
import io.agentledger.command.system.PlatformAdmins;
import io.agentledger.kernel.identity.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves an access token or API key to a caller, against the current state: a revoked key, an
 * ended session or a deactivated user stops working at once, and a role change applies at once.
 */
@Component
public class CallerAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(CallerAuthenticator.class);
    static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    private final TokenCodec tokens;
    private final IdentityStatusCache lookup;
    private final CredentialVault vault;
    private final CommandGateway commands;
    private final Clock clock;
    private final PlatformAdmins platformAdmins;

    public CallerAuthenticator(TokenCodec tokens, IdentityStatusCache lookup, CredentialVault vault,
                               CommandGateway commands, Clock clock, PlatformAdmins platformAdmins) {
        this.platformAdmins = platformAdmins;
        this.tokens = tokens;
        this.lookup = lookup;
        this.vault = vault;
        this.commands = commands;
        this.clock = clock;
    }

    public Optional<Caller> byAccessToken(String token) {
        return tokens.verify(token, TokenClaims.Type.ACCESS)
                .filter(claims -> lookup.sessionOpen(claims.sessionId(), claims.userId()))
                .flatMap(claims -> activeUser(claims.userId())
                        .map(user -> new Caller(user.userId(), user.tenantId(), user.role(), claims.sessionId(),
                                null, platformAdmins.isPlatformAdmin(user.userId()))));
    }

    public Optional<Caller> byApiKey(String key) {
        Instant now = clock.instant();
        return vault.subjectOf(CredentialVault.Kind.API_KEY, SecretTokens.sha256(key))
                .flatMap(lookup::apiKey)
                .filter(apiKey -> apiKey.usableAt(now))
                .flatMap(apiKey -> activeUser(apiKey.userId()).map(user -> {
                    recordUse(apiKey, now);
                    return new Caller(user.userId(), user.tenantId(), user.role(), null, apiKey.apiKeyId(),
                            platformAdmins.isPlatformAdmin(user.userId()));
                }));
    }

    private Optional<UserEntry> activeUser(String userId) {
        return lookup.user(userId).filter(UserEntry::active);
    }

    private void recordUse(ApiKeyEntry apiKey, Instant now) {
        if (apiKey.lastUsedAt() == null || apiKey.lastUsedAt().plus(USE_RECORDING_INTERVAL).isBefore(now)) {
            commands.send(new RecordApiKeyUse(apiKey.apiKeyId())).exceptionally(e -> {
                log.debug("Use of API key {} not recorded: {}", apiKey.apiKeyId(), e.getMessage());
                return null;
            });
        }
    }
}
