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
import java.util.Map;
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

    /** A package event: the status its build gives the agent, and the version that now runs when one is ready. */
    boolean packageEvent(String agentId, AgentStatus status, String readyVersionId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE agent_view SET status = CASE WHEN status = 'ARCHIVED' THEN status ELSE ? END, "
                        + "current_version_id = COALESCE(?, current_version_id), version = ?, updated_at = ? "
                        + AT_PREVIOUS_VERSION, status.name(), readyVersionId, version, Sql.timestamp(at), agentId,
                version - 1);
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
        return jdbc.query(SELECT + " WHERE a.id = ? AND a.tenant_id = ?", ROWS, agentId, tenantId).stream()
                .findFirst();
    }

    public Optional<AgentView> findByNumber(long agentNumber, String tenantId) {
        return jdbc.query(SELECT + " WHERE a.agent_number = ? AND a.tenant_id = ?", ROWS, agentNumber, tenantId)
                .stream().findFirst();
    }

    public AgentPage list(ListAgents query) {
        StringBuilder where = new StringBuilder(" WHERE a.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.tenantId()));
        if (query.status() != null) {
            where.append(" AND a.status = ?");
            args.add(query.status().name());
        } else {
            where.append(" AND a.status <> 'ARCHIVED'");
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (a.name ILIKE ? OR a.description ILIKE ?)");
            String pattern = Sql.containsPattern(query.search().trim());
            args.add(pattern);
            args.add(pattern);
        }
        Map<String, Object> counts = jdbc.queryForMap("SELECT count(*) AS total, count(*) FILTER (WHERE a.is_active) "
                + "AS active FROM agent_view a" + where, args.toArray());
        long total = ((Number) counts.get("total")).longValue();
        args.add(query.limit());
        args.add(query.offset());
        List<AgentView> items = jdbc.query(SELECT + where + " ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?",
                ROWS, args.toArray());
        int page = (int) (query.offset() / query.limit()) + 1;
        return new AgentPage(items, total, ((Number) counts.get("active")).longValue(), page, query.limit(),
                (int) ((total + query.limit() - 1) / query.limit()));
    }

    /** The agent with its execution figures (ended executions; their mean duration; the newest start). */
    private static final String SELECT = "SELECT a.*, s.executions, s.average_ms, s.last_execution FROM agent_view a "
            + "LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE e.completed_at IS NOT NULL) AS executions, "
            + "avg(e.duration_ms) AS average_ms, max(e.created_at) AS last_execution FROM agent_execution_view e "
            + "WHERE e.agent_id = a.id) s ON true";

    private static final RowMapper<AgentView> ROWS = (rs, i) -> new AgentView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("created_by"), rs.getLong("agent_number"), rs.getString("name"),
            rs.getString("description"), AgentStatus.valueOf(rs.getString("status")),
            rs.getString("current_version_id"), Json.readMap(rs.getString("config")), rs.getBoolean("is_active"),
            rs.getBoolean("voice_enabled"), rs.getLong("executions"), Math.round(rs.getDouble("average_ms") * 10) / 10.0,
            Sql.instant(rs, "last_execution"), rs.getLong("version"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));
}
