package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentChanges;
import io.agentledger.kernel.agent.AgentEvent.AgentRegistered;
import io.agentledger.kernel.agent.AgentPage;
import io.agentledger.kernel.agent.AgentQueries.ListAgents;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/**
 * The agent_view table, written by {@link AgentDirectoryWriter} (each write applies an event only to
 * the row standing at the version before it) and read by the agent query handlers.
 */
@Repository
public class AgentViewRepository {

    private final JdbcTemplate jdbc;

    public AgentViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(AgentRegistered event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO agent_view (id, tenant_id, created_by, agent_number, name, description, "
                        + "status, config, is_active, voice_enabled, version, created_at, updated_at) VALUES (?, ?, ?, "
                        + "?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.agentId(), event.tenantId(), event.createdBy(), event.agentNumber(), event.name(),
                event.description(), AgentStatus.DRAFT.name(), Json.write(event.config()), event.isActive(),
                event.voiceEnabled(), version, Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean applyChanges(String agentId, AgentChanges c, long version, Instant at) {
        return 1 == jdbc.update("UPDATE agent_view SET name = COALESCE(?, name), "
                        + "description = COALESCE(?, description), config = COALESCE(CAST(? AS jsonb), config), "
                        + "voice_enabled = COALESCE(?, voice_enabled), is_active = COALESCE(?, is_active), "
                        + "version = ?, updated_at = ? " + AT_PREVIOUS_VERSION,
                c.name(), c.description(), Json.write(c.config()), c.voiceEnabled(), c.isActive(), version,
                Sql.timestamp(at), agentId, version - 1);
    }

    boolean setStatus(String agentId, AgentStatus status, long version, Instant at) {
        return 1 == jdbc.update("UPDATE agent_view SET status = ?, version = ?, updated_at = ? " + AT_PREVIOUS_VERSION,
                status.name(), version, Sql.timestamp(at), agentId, version - 1);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM agent_view");
    }

    public long version(String agentId) {
        return jdbc.queryForList("SELECT version FROM agent_view WHERE id = ?", Long.class, agentId).stream()
                .findFirst().orElse(-1L);
    }

    public Optional<AgentView> find(String agentId, String tenantId) {
        return jdbc.query("SELECT * FROM agent_view WHERE id = ? AND tenant_id = ?", ROWS, agentId, tenantId)
                .stream().findFirst();
    }

    public AgentPage list(ListAgents query) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.tenantId()));
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        } else {
            where.append(" AND status <> 'ARCHIVED'");
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (name ILIKE ? OR description ILIKE ?)");
            String pattern = Sql.containsPattern(query.search().trim());
            args.add(pattern);
            args.add(pattern);
        }
        Object[] filter = args.toArray();
        long total = jdbc.queryForObject("SELECT count(*) FROM agent_view" + where, Long.class, filter);
        long active = jdbc.queryForObject("SELECT count(*) FROM agent_view" + where + " AND is_active", Long.class,
                filter);
        args.add(query.limit());
        args.add(query.offset());
        List<AgentView> items = jdbc.query("SELECT * FROM agent_view" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", ROWS, args.toArray());
        int page = (int) (query.offset() / query.limit()) + 1;
        return new AgentPage(items, total, active, page, query.limit(), (int) ((total + query.limit() - 1)
                / query.limit()));
    }

    private static final RowMapper<AgentView> ROWS = (rs, i) -> new AgentView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("created_by"), rs.getLong("agent_number"), rs.getString("name"),
            rs.getString("description"), AgentStatus.valueOf(rs.getString("status")),
            rs.getString("current_version_id"), Json.readMap(rs.getString("config")), rs.getBoolean("is_active"),
            rs.getBoolean("voice_enabled"), 0, 0, null, rs.getLong("version"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));
}
