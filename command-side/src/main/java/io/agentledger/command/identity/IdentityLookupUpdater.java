package io.agentledger.command.identity;

import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyCreated;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyRevoked;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyUsed;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.session.SessionEvent.SessionEnded;
import io.agentledger.kernel.session.SessionEvent.SessionStarted;
import io.agentledger.kernel.user.UserEvent.UserDeactivated;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import io.agentledger.kernel.user.UserEvent.UserRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the identity lookup in the same transaction as the events (subscribing processor), so a
 * duplicate email or username fails the registration itself.
 */
@Component
@ProcessingGroup(IdentityLookupUpdater.GROUP)
public class IdentityLookupUpdater {

    public static final String GROUP = "identity-lookup";

    private final JdbcTemplate jdbc;
    private final IdentityStatusCache cache;

    public IdentityLookupUpdater(JdbcTemplate jdbc, IdentityStatusCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @EventHandler
    void on(UserRegistered event) {
        try {
            jdbc.update("INSERT INTO identity_user_lookup (user_id, tenant_id, email, username, full_name, "
                            + "role, active) VALUES (?, ?, ?, ?, ?, ?, true)", event.userId(), event.tenantId(),
                    event.email(), event.username(), event.fullName(), event.role().name());
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.DUPLICATE, "A user with this email or username already exists");
        }
    }

    @EventHandler
    void on(UserRoleChanged event) {
        jdbc.update("UPDATE identity_user_lookup SET role = ? WHERE user_id = ?", event.role().name(),
                event.userId());
        cache.forgetUser(event.userId());
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("UPDATE identity_user_lookup SET active = false WHERE user_id = ?", event.userId());
        cache.forgetUser(event.userId());
    }

    @EventHandler
    void on(SessionStarted event) {
        jdbc.update("INSERT INTO identity_session_lookup (session_id, user_id, ended) VALUES (?, ?, false)",
                event.sessionId(), event.userId());
    }

    @EventHandler
    void on(SessionEnded event) {
        jdbc.update("UPDATE identity_session_lookup SET ended = true WHERE session_id = ?", event.sessionId());
        cache.forgetSession(event.sessionId());
    }

    @EventHandler
    void on(ApiKeyCreated event) {
        jdbc.update("INSERT INTO identity_api_key_lookup (api_key_id, user_id, tenant_id, expires_at, revoked) "
                        + "VALUES (?, ?, ?, ?, false)", event.apiKeyId(), event.userId(), event.tenantId(),
                event.expiresAt() == null ? null : java.sql.Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(ApiKeyUsed event, @Timestamp Instant at) {
        jdbc.update("UPDATE identity_api_key_lookup SET last_used_at = ? WHERE api_key_id = ?",
                java.sql.Timestamp.from(at), event.apiKeyId());
        cache.forgetApiKey(event.apiKeyId());
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        jdbc.update("UPDATE identity_api_key_lookup SET revoked = true WHERE api_key_id = ?", event.apiKeyId());
        cache.forgetApiKey(event.apiKeyId());
    }
}
