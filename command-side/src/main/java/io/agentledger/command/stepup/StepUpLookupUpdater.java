package io.agentledger.command.stepup;

import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRegistered;
import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRemoved;
import io.agentledger.kernel.stepup.StepUpEvent.StepUpVerified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Base64;

/** Authenticators and step-ups in force, kept in the transaction of their events (subscribing processor). */
@Component
@ProcessingGroup(StepUpLookupUpdater.GROUP)
public class StepUpLookupUpdater {

    public static final String GROUP = "step-up-lookup";

    private final JdbcTemplate jdbc;

    public StepUpLookupUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuthenticatorRegistered event) {
        jdbc.update("INSERT INTO webauthn_authenticator (authenticator_id, user_id, credential_id, "
                        + "attested_credential_data, sign_count) VALUES (?, ?, ?, ?, ?)", event.authenticatorId(),
                event.userId(), event.credentialId(), Base64.getDecoder().decode(event.attestedCredentialData()),
                event.signCount());
    }

    @EventHandler
    void on(AuthenticatorRemoved event) {
        jdbc.update("DELETE FROM webauthn_authenticator WHERE authenticator_id = ? AND user_id = ?",
                event.authenticatorId(), event.userId());
    }

    @EventHandler
    void on(StepUpVerified event) {
        if (event.authenticatorId() != null) {
            jdbc.update("UPDATE webauthn_authenticator SET sign_count = ? WHERE authenticator_id = ?",
                    event.signCount(), event.authenticatorId());
        }
        jdbc.update("INSERT INTO step_up_grant (principal, user_id, valid_until) VALUES (?, ?, ?) "
                        + "ON CONFLICT (principal) DO UPDATE SET user_id = EXCLUDED.user_id, "
                        + "valid_until = EXCLUDED.valid_until", event.principal(), event.userId(),
                Timestamp.from(event.validUntil()));
    }
}
