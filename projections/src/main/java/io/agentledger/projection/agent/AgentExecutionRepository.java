package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentRuntimeStatus;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionRequested;
import io.agentledger.kernel.agent.ExecutionQueries.ListExecutions;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/** agent_execution_view, each write guarded by the execution's version like the other read models. */
@Repository
public class AgentExecutionRepository {

    private static final com.fasterxml.jackson.core.type.TypeReference<Object> ANY =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private final JdbcTemplate jdbc;

    public AgentExecutionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(ExecutionRequested event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO agent_execution_view (id, tenant_id, agent_id, agent_version_id, user_id, "
                        + "status, input_data, command, timeout_ms, version, created_at, updated_at) VALUES (?, ?, ?, ?, "
                        + "?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.executionId(), event.tenantId(), event.agentId(), event.versionId(), event.requestedBy(),
                ExecutionStatus.PENDING.name(), Json.write(event.input()), Json.write(event.command()),
                event.timeoutMs(), version, Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean started(String executionId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE agent_execution_view SET status = ?, started_at = ?, version = ?, "
                        + "updated_at = ? " + AT_PREVIOUS_VERSION, ExecutionStatus.RUNNING.name(), Sql.timestamp(at),
                version, Sql.timestamp(at), executionId, version - 1);
    }

    boolean ended(String executionId, ExecutionStatus status, Object output, String error, boolean timedOut,
                  Long durationMs, long version, Instant at) {
        return 1 == jdbc.update("UPDATE agent_execution_view SET status = ?, output_data = CAST(? AS jsonb), "
                        + "error_message = ?, timed_out = ?, duration_ms = ?, completed_at = ?, version = ?, "
                        + "updated_at = ? " + AT_PREVIOUS_VERSION, status.name(), Json.write(output), Text.foreign(error), timedOut,
                durationMs, Sql.timestamp(at), version, Sql.timestamp(at), executionId, version - 1);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM agent_execution_view");
    }

    public long version(String executionId) {
        return jdbc.queryForList("SELECT version FROM agent_execution_view WHERE id = ?", Long.class, executionId)
                .stream().findFirst().orElse(-1L);
    }

    public Optional<ExecutionView> find(String executionId, String tenantId) {
        return jdbc.query("SELECT * FROM agent_execution_view WHERE id = ? AND tenant_id = ?", ROWS, executionId,
                tenantId).stream().findFirst();
    }

    public List<ExecutionView> list(ListExecutions query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(query.limit());
        args.add(query.offset());
        return jdbc.query("SELECT * FROM agent_execution_view" + where + " ORDER BY created_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", ROWS, args.toArray());
    }

    public long count(ListExecutions query) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT count(*) FROM agent_execution_view" + where(query, args), Long.class,
                args.toArray());
    }

    private static String where(ListExecutions query, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        args.add(query.tenantId());
        if (query.agentId() != null) {
            where.append(" AND agent_id = ?");
            args.add(query.agentId());
        }
        if (query.agentVersionId() != null) {
            where.append(" AND agent_version_id = ?");
            args.add(query.agentVersionId());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        return where.toString();
    }

    public AgentRuntimeStatus status(String agentId, boolean disabled, Instant now) {
        Map<String, Object> counts = jdbc.queryForMap("SELECT count(*) FILTER (WHERE status = 'RUNNING') AS running, "
                + "count(*) FILTER (WHERE status = 'PENDING') AS pending, "
                + "count(*) FILTER (WHERE created_at > ?) AS last_minute, "
                + "coalesce(sum(duration_ms) FILTER (WHERE completed_at > ?), 0) AS busy_ms FROM agent_execution_view "
                + "WHERE agent_id = ?", Sql.timestamp(now.minusSeconds(60)), Sql.timestamp(now.minusSeconds(60)),
                agentId);
        List<Map<String, Object>> recent = jdbc.queryForList("SELECT status, error_message FROM agent_execution_view "
                + "WHERE agent_id = ? AND status IN ('COMPLETED', 'FAILED') ORDER BY completed_at DESC LIMIT 20",
                agentId);
        long completed = recent.stream().filter(r -> "COMPLETED".equals(r.get("status"))).count();
        double health = recent.isEmpty() ? 1.0 : Math.round(completed * 1000.0 / recent.size()) / 1000.0;
        String lastError = recent.isEmpty() ? null : (String) recent.get(0).get("error_message");
        long running = ((Number) counts.get("running")).longValue();
        String state = disabled ? "disabled" : running > 0 ? "executing"
                : lastError != null ? "error" : "idle";
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("cpu_usage", 0);
        usage.put("memory_usage", 0);
        usage.put("api_calls_per_minute", ((Number) counts.get("last_minute")).longValue());
        usage.put("network_usage", 0);
        usage.put("execution_ms_last_minute", ((Number) counts.get("busy_ms")).longValue());
        return new AgentRuntimeStatus(agentId, state, lastError, health, usage, running,
                ((Number) counts.get("pending")).longValue());
    }

    private static final RowMapper<ExecutionView> ROWS = (rs, i) -> new ExecutionView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("agent_id"), rs.getString("agent_version_id"),
            rs.getString("user_id"), ExecutionStatus.valueOf(rs.getString("status")),
            Json.readMap(rs.getString("input_data")), Json.readMap(rs.getString("command")),
            rs.getString("output_data") == null ? null : Json.read(rs.getString("output_data"), ANY),
            rs.getString("error_message"),
            rs.getBoolean("timed_out"), (Long) rs.getObject("duration_ms"), rs.getLong("timeout_ms"),
            Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"), rs.getLong("version"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
}
