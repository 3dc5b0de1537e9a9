package io.agentledger.command.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Digests of secrets, kept out of the event store: a digest in an immutable log could never be erased. */
@Component
public class CredentialVault {

    public enum Kind { PASSWORD, API_KEY, INVITATION }

    private final JdbcTemplate jdbc;

    public CredentialVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String subjectId, Kind kind, String digest) {
        jdbc.update("INSERT INTO credential_vault (subject_id, kind, digest) VALUES (?, ?, ?) "
                + "ON CONFLICT (subject_id, kind) DO UPDATE SET digest = excluded.digest, created_at = now()",
                subjectId, kind.name(), digest);
    }

    public Optional<String> digestOf(String subjectId, Kind kind) {
        return jdbc.queryForList("SELECT digest FROM credential_vault WHERE subject_id = ? AND kind = ?",
                String.class, subjectId, kind.name()).stream().findFirst();
    }

    public Optional<String> subjectOf(Kind kind, String digest) {
        return jdbc.queryForList("SELECT subject_id FROM credential_vault WHERE kind = ? AND digest = ?",
                String.class, kind.name(), digest).stream().findFirst();
    }
}
