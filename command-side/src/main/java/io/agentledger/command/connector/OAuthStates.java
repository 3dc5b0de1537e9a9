package io.agentledger.command.connector;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** The {@code state} of an authorization request: issued to one user for one provider, redeemable once, briefly. */
@Component
public class OAuthStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final ConnectorProperties properties;
    private final Clock clock;

    public OAuthStates(JdbcTemplate jdbc, ConnectorProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String state, Instant expiresAt) {
    }

    public Issued issue(Caller caller, String provider, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(properties.stateTtl());
        jdbc.update("DELETE FROM connector_oauth_state WHERE expires_at < ?", Timestamp.from(clock.instant()));
        jdbc.update("INSERT INTO connector_oauth_state (state_hash, tenant_id, user_id, provider, name, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", hash(state), caller.tenantId(), caller.userId(), provider, name,
                Timestamp.from(expiresAt));
        return new Issued(state, expiresAt);
    }

    /** The connector name asked for at the start; a state unknown, reused, expired or not the caller's is a 400. */
    public Optional<String> redeem(Caller caller, String provider, String state) {
        var names = jdbc.queryForList("UPDATE connector_oauth_state SET used_at = ? WHERE state_hash = ? "
                + "AND tenant_id = ? AND user_id = ? AND provider = ? AND used_at IS NULL AND expires_at > ? "
                + "RETURNING coalesce(name, '')", String.class, Timestamp.from(clock.instant()), hash(state),
                caller.tenantId(), caller.userId(), provider, Timestamp.from(clock.instant()));
        if (names.isEmpty()) {
            throw DomainException.badRequest("The OAuth state is unknown, already used or expired: start again");
        }
        return Optional.of(names.get(0)).filter(name -> !name.isEmpty());
    }

    private static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
