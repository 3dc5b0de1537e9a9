package io.agentledger.projection.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.NodeLogView;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionStatus;
import io.agentledger.kernel.workflow.WorkflowExecutionView;
import io.agentledger.kernel.workflow.WorkflowPage;
import io.agentledger.kernel.workflow.WorkflowQueries.ListWorkflowExecutions;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/**
 * workflow_execution_view (guarded by the execution's version) and workflow_node_log (one row per node
 * attempt, guarded by the event sequence it last took).
 */
@Repository
public class WorkflowExecutionRepository {

    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public WorkflowExecutionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(WorkflowExecutionStarted event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO workflow_execution_view (id, tenant_id, workflow_id, workflow_version, "
                        + "status, mode, trigger_type, trigger_id, input, started_by, started_at, version, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.executionId(), event.tenantId(), event.workflowId(), event.workflowVersion(),
                WorkflowExecutionStatus.RUNNING.name(), event.mode().name(), event.triggerType(), event.triggerId(),
                Json.write(event.input()), event.startedBy(), Sql.timestamp(at), version, Sql.timestamp(at));
    }

    /** A step that changes nothing of the execution row but its version (node events). */
    boolean advance(String executionId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE workflow_execution_view SET version = ?, updated_at = ? " + AT_PREVIOUS_VERSION,
                version, Sql.timestamp(at), executionId, version - 1);
    }

    boolean status(String executionId, WorkflowExecutionStatus status, String pausedAt, long version, Instant at) {
        return 1 == jdbc.update("UPDATE workflow_execution_view SET status = ?, paused_at = ?, error = CASE WHEN ? = "
                        + "'RUNNING' THEN NULL ELSE error END, version = ?, updated_at = ? " + AT_PREVIOUS_VERSION,
                status.name(), pausedAt, status.name(), version, Sql.timestamp(at), executionId, version - 1);
    }

    boolean ended(String executionId, WorkflowExecutionStatus status, Object output, String error, String failedNode,
                  long durationMs, long version, Instant at) {
        return 1 == jdbc.update("UPDATE workflow_execution_view SET status = ?, output = CAST(? AS jsonb), error = ?, "
                        + "failed_node = ?, completed_at = ?, duration_ms = ?, paused_at = NULL, version = ?, updated_at = ? "
                        + AT_PREVIOUS_VERSION, status.name(), Json.write(output), Text.foreign(error), failedNode, Sql.timestamp(at),
                durationMs, version, Sql.timestamp(at), executionId, version - 1);
    }

    void nodeStarted(String executionId, String tenantId, String nodeId, int attempt, Object input, long seq,
                     Instant at) {
        jdbc.update("INSERT INTO workflow_node_log (execution_id, node_id, attempt, tenant_id, status, input, "
                        + "started_at, seq) VALUES (?, ?, ?, ?, 'running', CAST(? AS jsonb), ?, ?) ON CONFLICT DO NOTHING",
                executionId, nodeId, attempt, tenantId, Json.write(input), Sql.timestamp(at), seq);
    }

    void nodeEnded(String executionId, String nodeId, int attempt, String status, Object output, String error,
                   long durationMs, long seq, Instant at) {
        jdbc.update("UPDATE workflow_node_log SET status = ?, output = CAST(? AS jsonb), error = ?, completed_at = ?, "
                        + "duration_ms = ?, seq = ? WHERE execution_id = ? AND node_id = ? AND attempt = ? AND seq < ?",
                status, Json.write(output), Text.foreign(error), Sql.timestamp(at), durationMs, seq, executionId, nodeId, attempt, seq);
    }

    void nodeSkipped(String executionId, String tenantId, String nodeId, String reason, long seq, Instant at) {
        jdbc.update("INSERT INTO workflow_node_log (execution_id, node_id, attempt, tenant_id, status, error, "
                + "completed_at, seq) VALUES (?, ?, 0, ?, 'skipped', ?, ?, ?) ON CONFLICT DO NOTHING", executionId, nodeId,
                tenantId, Text.foreign(reason), Sql.timestamp(at), seq);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM workflow_node_log");
        jdbc.update("DELETE FROM workflow_execution_view");
    }

    public long version(String executionId) {
        return jdbc.queryForList("SELECT version FROM workflow_execution_view WHERE id = ?", Long.class, executionId)
                .stream().findFirst().orElse(-1L);
    }

    public Optional<WorkflowExecutionView> find(String executionId, String tenantId) {
        return jdbc.query("SELECT * FROM workflow_execution_view WHERE id = ? AND tenant_id = ?",
                (rs, i) -> view(rs, latestAttempts(executionId)), executionId, tenantId).stream().findFirst();
    }

    public WorkflowPage<WorkflowExecutionView> list(ListWorkflowExecutions query) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.tenantId()));
        if (query.workflowId() != null) {
            where.append(" AND workflow_id = ?");
            args.add(query.workflowId());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM workflow_execution_view" + where, Long.class,
                args.toArray());
        args.add(query.limit());
        args.add(query.offset());
        return new WorkflowPage<>(jdbc.query("SELECT * FROM workflow_execution_view" + where
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?", (rs, i) -> view(rs, null), args.toArray()),
                total);
    }

    public List<NodeLogView> attempts(String executionId, String nodeId) {
        return jdbc.query("SELECT * FROM workflow_node_log WHERE execution_id = ? AND (CAST(? AS text) IS NULL OR "
                + "node_id = ?) ORDER BY coalesce(started_at, completed_at), node_id, attempt", NODE_LOGS, executionId,
                nodeId, nodeId);
    }

    private List<NodeLogView> latestAttempts(String executionId) {
        return jdbc.query("SELECT DISTINCT ON (node_id) * FROM workflow_node_log WHERE execution_id = ? "
                + "ORDER BY node_id, attempt DESC", NODE_LOGS, executionId);
    }

    private static WorkflowExecutionView view(ResultSet rs, List<NodeLogView> nodeLogs) throws SQLException {
        return new WorkflowExecutionView(rs.getString("id"), rs.getString("tenant_id"), rs.getString("workflow_id"),
                rs.getLong("workflow_version"), WorkflowExecutionStatus.valueOf(rs.getString("status")),
                ExecutionMode.valueOf(rs.getString("mode")), rs.getString("trigger_type"), rs.getString("trigger_id"),
                json(rs.getString("input")), json(rs.getString("output")), rs.getString("error"),
                rs.getString("failed_node"), rs.getString("paused_at"), rs.getString("started_by"), nodeLogs,
                Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"), (Long) rs.getObject("duration_ms"),
                rs.getLong("version"));
    }

    private static final RowMapper<NodeLogView> NODE_LOGS = (rs, i) -> {
        int attempt = rs.getInt("attempt");
        return new NodeLogView(rs.getString("node_id"), rs.getString("status"), json(rs.getString("input")),
                json(rs.getString("output")), rs.getString("error"), attempt, Math.max(0, attempt - 1),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"), (Long) rs.getObject("duration_ms"));
    };

    private static Object json(String text) {
        return text == null ? null : Json.read(text, ANY);
    }
}
