package io.agentledger.command.credential;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/** Sensitive operations need a step-up of the same session (or API key) that is still in force. */
@Component
public class StepUpGuard {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public StepUpGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String principalOf(Caller caller) {
        return caller.sessionId() != null ? caller.sessionId() : caller.apiKeyId();
    }

    public boolean holds(Caller caller) {
        Integer valid = jdbc.queryForObject("SELECT count(*) FROM step_up_grant WHERE principal = ? AND user_id = ? "
                + "AND valid_until > ?", Integer.class, principalOf(caller), caller.userId(),
                Timestamp.from(clock.instant()));
        return valid != null && valid > 0;
    }

    public void require(Caller caller) {
        if (!holds(caller)) {
            throw new DomainException(ErrorCode.STEP_UP_REQUIRED, "This operation needs a recent step-up: "
                    + "verify with POST /api/v1/auth/biometric/verify (an authenticator or a backup code)");
        }
    }
}
