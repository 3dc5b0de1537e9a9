package io.agentledger.command.apikey;

import io.agentledger.command.credential.StepUpGuard;
import io.agentledger.command.identity.CredentialVault;
import io.agentledger.command.identity.auth.AuthProperties;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.command.identity.SecretTokens;
import io.agentledger.kernel.apikey.ApiKeyCommands.CreateApiKey;
import io.agentledger.kernel.apikey.ApiKeyCommands.RevokeApiKey;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

@Service
public class ApiKeyService {

    /** Every key starts with this, so that scanners and people recognise a leaked one. */
    public static final String KEY_PREFIX = "alk_";
    static final int SECRET_LENGTH = 40;
    static final int DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length() + 8;

    private final CommandGateway commands;
    private final CredentialVault vault;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final StepUpGuard stepUp;
    private final AuthProperties properties;

    public ApiKeyService(CommandGateway commands, CredentialVault vault, TransactionTemplate transaction,
                         Clock clock, StepUpGuard stepUp, AuthProperties properties) {
        this.stepUp = stepUp;
        this.properties = properties;
        this.commands = commands;
        this.vault = vault;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A key is minted from a signed-in session after a step-up, never by another key, and lives at
     * most the configured maximum.
     */
    public CreatedApiKey create(Caller caller, String name, Instant requestedExpiry) {
        if (!caller.signedIn()) {
            throw DomainException.forbidden("An API key cannot create API keys: sign in with your password");
        }
        stepUp.require(caller);
        Instant latest = clock.instant().plus(properties.apiKeyMaxLifetime());
        if (requestedExpiry != null && requestedExpiry.isAfter(latest)) {
            throw DomainException.invalid("expires_at: an API key lives at most "
                    + properties.apiKeyMaxLifetime().toDays() + " days: expires_at must be before " + latest);
        }
        Instant expiresAt = requestedExpiry != null ? requestedExpiry : latest;
        String apiKeyId = Ids.newId(IdPrefix.API_KEY, clock);
        String key = KEY_PREFIX + SecretTokens.random(SECRET_LENGTH);
        String displayPrefix = key.substring(0, DISPLAY_PREFIX_LENGTH);
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new CreateApiKey(apiKeyId, caller.userId(), caller.tenantId(), name, displayPrefix,
                    expiresAt));
            vault.store(apiKeyId, CredentialVault.Kind.API_KEY, SecretTokens.sha256(key));
        });
        return new CreatedApiKey(apiKeyId, key, displayPrefix, name, clock.instant(), expiresAt);
    }

    public void revoke(Caller caller, String apiKeyId) {
        commands.sendAndWait(new RevokeApiKey(apiKeyId, caller.userId(), caller.tenantId()));
    }

    /** The only response that ever holds {@code key}. */
    public record CreatedApiKey(String id, String key, String keyPrefix, String name, Instant createdAt,
                                Instant expiresAt) {
    }
}
