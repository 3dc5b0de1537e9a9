package io.agentledger.projection.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerRegistered;
import io.agentledger.kernel.mcp.McpServerView;
import io.agentledger.kernel.mcp.McpToolInfo;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/** mcp_server_view, guarded by the server's version like the other read models. */
@Repository
public class McpServerRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<McpToolInfo>> TOOLS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ENV = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public McpServerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(McpServerRegistered event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO mcp_server_view (id, tenant_id, registered_by, name, description, command, "
                        + "args, url, env, status, tools, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                        + "CAST(? AS jsonb), ?, CAST(? AS jsonb), 'registered', '[]', ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.serverId(), event.tenantId(), event.registeredBy(), event.name(), event.description(),
                event.command(), Json.write(event.args() == null ? List.of() : event.args()), event.url(),
                Json.write(event.env() == null ? Map.of() : event.env()), version, Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean tools(String serverId, List<McpToolInfo> tools, long version, Instant at) {
        return 1 == jdbc.update("UPDATE mcp_server_view SET tools = CAST(? AS jsonb), version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, Json.write(tools), version, Sql.timestamp(at), serverId, version - 1);
    }

    boolean health(String serverId, String status, String message, long version, Instant at) {
        boolean healthy = "healthy".equals(status);
        return 1 == jdbc.update("UPDATE mcp_server_view SET status = ?, status_message = ?, connected_at = CASE WHEN ? "
                        + "THEN COALESCE(connected_at, ?) ELSE connected_at END, version = ?, updated_at = ? "
                        + AT_PREVIOUS_VERSION, healthy ? "connected" : "error", Text.foreign(message), healthy, Sql.timestamp(at),
                version, Sql.timestamp(at), serverId, version - 1);
    }

    boolean remove(String serverId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE mcp_server_view SET deleted = true, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, version, Sql.timestamp(at), serverId, version - 1);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM mcp_server_view");
    }

    public long version(String serverId) {
        return jdbc.queryForList("SELECT version FROM mcp_server_view WHERE id = ?", Long.class, serverId).stream()
                .findFirst().orElse(-1L);
    }

    public Optional<McpServerView> find(String serverId, String tenantId) {
        return jdbc.query("SELECT * FROM mcp_server_view WHERE id = ? AND tenant_id = ? AND NOT deleted", ROWS, serverId,
                tenantId).stream().findFirst();
    }

    public List<McpServerView> list(String tenantId) {
        return jdbc.query("SELECT * FROM mcp_server_view WHERE tenant_id = ? AND NOT deleted ORDER BY created_at, id",
                ROWS, tenantId);
    }

    public Optional<McpServerView.Launch> launch(String serverId, String tenantId) {
        return jdbc.query("SELECT id, tenant_id, command, args, url, env FROM mcp_server_view WHERE id = ? AND "
                + "tenant_id = ? AND NOT deleted", (rs, i) -> new McpServerView.Launch(rs.getString("id"),
                rs.getString("tenant_id"), rs.getString("command"), Json.read(rs.getString("args"), STRINGS),
                rs.getString("url"), Json.read(rs.getString("env"), ENV)), serverId, tenantId).stream().findFirst();
    }

    private static final RowMapper<McpServerView> ROWS = (rs, i) -> new McpServerView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("name"), rs.getString("description"), rs.getString("command"),
            Json.read(rs.getString("args"), STRINGS), rs.getString("url"),
            List.copyOf(Json.read(rs.getString("env"), ENV).keySet()), rs.getString("status"),
            rs.getString("status_message"), Json.read(rs.getString("tools"), TOOLS), Sql.instant(rs, "connected_at"),
            rs.getLong("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
}
