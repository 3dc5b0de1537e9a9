package io.agentledger.command.identity;

import io.agentledger.kernel.identity.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads of the identity lookup tables that {@link IdentityLookupUpdater} keeps. */
@Component
public class IdentityLookup {

    private static final String USER_COLUMNS = "user_id, tenant_id, email, username, full_name, role, active";
    private static final RowMapper<UserEntry> USER_ENTRY = (rs, i) -> new UserEntry(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Role.valueOf(rs.getString(6)),
            rs.getBoolean(7));

    private final JdbcTemplate jdbc;

    public IdentityLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserEntry> findUserByLogin(String emailOrUsername) {
        return jdbc.query("SELECT " + USER_COLUMNS + " FROM identity_user_lookup "
                        + "WHERE lower(email) = lower(?) OR lower(username) = lower(?)",
                USER_ENTRY, emailOrUsername, emailOrUsername).stream().findFirst();
    }

    public Optional<UserEntry> findUser(String userId) {
        return jdbc.query("SELECT " + USER_COLUMNS + " FROM identity_user_lookup WHERE user_id = ?",
                USER_ENTRY, userId).stream().findFirst();
    }

    public boolean emailTaken(String email) {
        return exists("SELECT count(*) FROM identity_user_lookup WHERE lower(email) = lower(?)", email);
    }

    public boolean usernameTaken(String username) {
        return exists("SELECT count(*) FROM identity_user_lookup WHERE lower(username) = lower(?)", username);
    }

    /** The user whose session this is, while it is open. */
    public Optional<String> openSessionOwner(String sessionId) {
        return jdbc.queryForList("SELECT user_id FROM identity_session_lookup WHERE session_id = ? AND NOT ended",
                String.class, sessionId).stream().findFirst();
    }

    public Optional<ApiKeyEntry> findApiKey(String apiKeyId) {
        return jdbc.query("SELECT api_key_id, user_id, tenant_id, expires_at, revoked, last_used_at "
                        + "FROM identity_api_key_lookup WHERE api_key_id = ?",
                (rs, i) -> new ApiKeyEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getBoolean(5), instant(rs.getTimestamp(6))),
                apiKeyId).stream().findFirst();
    }

    private boolean exists(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count != null && count > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public record UserEntry(String userId, String tenantId, String email, String username, String fullName, Role role,
                            boolean active) {
    }

    public record ApiKeyEntry(String apiKeyId, String userId, String tenantId, Instant expiresAt, boolean revoked,
                              Instant lastUsedAt) {

        public boolean usableAt(Instant now) {
            return !revoked && (expiresAt == null || now.isBefore(expiresAt));
        }
    }
}
