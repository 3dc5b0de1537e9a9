package io.agentledger.projection.apikey;

import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyCreated;
import io.agentledger.kernel.apikey.ApiKeyPage;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.kernel.apikey.ApiKeyView;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;

@Repository
public class ApiKeyViewRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiKeyViewRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(ApiKeyCreated event, Instant at) {
        jdbc.update("INSERT INTO api_key_view (id, user_id, tenant_id, name, key_prefix, expires_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.apiKeyId(), event.userId(), event.tenantId(),
                event.name(), event.keyPrefix(), Sql.timestamp(event.expiresAt()), Sql.timestamp(at));
    }

    void recordUse(String apiKeyId, Instant at) {
        jdbc.update("UPDATE api_key_view SET last_used_at = ? WHERE id = ?", Sql.timestamp(at), apiKeyId);
    }

    void revoke(String apiKeyId, Instant at) {
        jdbc.update("UPDATE api_key_view SET revoked_at = ? WHERE id = ?", Sql.timestamp(at), apiKeyId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM api_key_view");
    }

    /** {@code is_active} is judged now: a key past its expiry is inactive though no event said so. */
    public ApiKeyPage listOf(String userId, String tenantId, PageSpec page) {
        Instant now = clock.instant();
        Long total = jdbc.queryForObject("SELECT count(*) FROM api_key_view WHERE user_id = ? AND tenant_id = ?",
                Long.class, userId, tenantId);
        long count = total == null ? 0 : total;
        return new ApiKeyPage(jdbc.query("SELECT * FROM api_key_view WHERE user_id = ? AND tenant_id = ? "
                        + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", (rs, i) -> {
                    Instant expiresAt = Sql.instant(rs, "expires_at");
                    Instant revokedAt = Sql.instant(rs, "revoked_at");
                    boolean active = revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
                    return new ApiKeyView(rs.getString("id"), rs.getString("name"), rs.getString("key_prefix"),
                            active, Sql.instant(rs, "last_used_at"), expiresAt, Sql.instant(rs, "created_at"),
                            revokedAt);
                }, userId, tenantId, page.size(), page.offset()), count, page.page(), page.size(),
                page.pages(count));
    }
}
