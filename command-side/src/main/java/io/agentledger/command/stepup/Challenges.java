package io.agentledger.command.stepup;

import io.agentledger.kernel.error.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/** One pending challenge per user and purpose; taking it consumes it, so an assertion cannot be replayed. */
@Component
class Challenges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final StepUpProperties properties;

    Challenges(JdbcTemplate jdbc, Clock clock, StepUpProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    byte[] issue(String userId, String purpose) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        jdbc.update("INSERT INTO webauthn_challenge (user_id, purpose, challenge, expires_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (user_id, purpose) DO UPDATE SET challenge = EXCLUDED.challenge, "
                        + "expires_at = EXCLUDED.expires_at", userId, purpose, challenge,
                Timestamp.from(clock.instant().plus(properties.challengeTtl())));
        return challenge;
    }

    byte[] take(String userId, String purpose) {
        List<byte[]> taken = jdbc.query("DELETE FROM webauthn_challenge WHERE user_id = ? AND purpose = ? "
                        + "AND expires_at > ? RETURNING challenge", (rs, i) -> rs.getBytes(1), userId, purpose,
                Timestamp.from(clock.instant()));
        if (taken.isEmpty()) {
            throw DomainException.invalid("No " + purpose + " challenge is pending (or it expired): ask for "
                    + "options first");
        }
        return taken.get(0);
    }
}
