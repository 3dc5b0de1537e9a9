package io.agentledger.projection.user;

import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import io.agentledger.kernel.user.UserPage;
import io.agentledger.kernel.user.UserView;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class UserViewRepository {

    private static final RowMapper<UserView> ROW = (rs, i) -> {
        Role role = Role.valueOf(rs.getString("role"));
        return new UserView(rs.getString("id"), rs.getString("tenant_id"), rs.getString("email"),
                rs.getString("username"), rs.getString("full_name"), role, role.permissions(),
                Json.readMap(rs.getString("settings")), rs.getBoolean("is_active"), rs.getBoolean("is_verified"),
                Sql.instant(rs, "last_login"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    };

    private final JdbcTemplate jdbc;

    public UserViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserRegistered event, long version, Instant at) {
        jdbc.update("INSERT INTO user_view (id, tenant_id, email, username, full_name, role, is_active, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, true, ?, ?, ?)", event.userId(),
                event.tenantId(), event.email(), event.username(), event.fullName(), event.role().name(), version,
                Sql.timestamp(at), Sql.timestamp(at));
    }

    void setRole(String userId, Role role, long version, Instant at) {
        jdbc.update("UPDATE user_view SET role = ?, version = ?, updated_at = ? WHERE id = ?", role.name(), version,
                Sql.timestamp(at), userId);
    }

    void deactivate(String userId, long version, Instant at) {
        jdbc.update("UPDATE user_view SET is_active = false, version = ?, updated_at = ? WHERE id = ?", version,
                Sql.timestamp(at), userId);
    }

    void mergeSettings(String userId, Map<String, Object> changed, long version, Instant at) {
        jdbc.update("UPDATE user_view SET settings = settings || CAST(? AS jsonb), version = ?, updated_at = ? "
                + "WHERE id = ?", Json.write(changed), version, Sql.timestamp(at), userId);
    }

    public long version(String userId) {
        return jdbc.queryForList("SELECT version FROM user_view WHERE id = ?", Long.class, userId).stream()
                .findFirst().orElse(-1L);
    }

    void recordLogin(String userId, Instant at) {
        jdbc.update("UPDATE user_view SET last_login = ? WHERE id = ?", Sql.timestamp(at), userId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM user_view");
    }

    public Optional<UserView> find(String userId, String tenantId) {
        return jdbc.query("SELECT * FROM user_view WHERE id = ? AND tenant_id = ?", ROW, userId, tenantId).stream()
                .findFirst();
    }

    public UserPage list(String tenantId, PageSpec page) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM user_view WHERE tenant_id = ?", Long.class, tenantId);
        List<UserView> items = jdbc.query("SELECT * FROM user_view WHERE tenant_id = ? ORDER BY created_at, id "
                + "LIMIT ? OFFSET ?", ROW, tenantId, page.size(), page.offset());
        long count = total == null ? 0 : total;
        return new UserPage(items, count, page.page(), page.size(), page.pages(count));
    }
}
