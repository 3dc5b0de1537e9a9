package io.agentledger.projection.run;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.goal.RunSummary;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.kernel.run.RunEvent.CostRecorded;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunPage;
import io.agentledger.kernel.run.RunQueries.ListRuns;
import io.agentledger.kernel.run.RunStatus;
import io.agentledger.kernel.run.RunView;
import io.agentledger.kernel.run.RunView.Checkpoint;
import io.agentledger.kernel.run.RunView.Metrics;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/** The run_view table: written by {@link RunSummaryProjection}, read by run and goal queries. */
@Repository
public class RunViewRepository {

    private static final TypeReference<Map<String, Checkpoint>> CHECKPOINTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> ARTIFACTS = new TypeReference<>() {
    };

    private static final RowMapper<RunView> ROW = (rs, i) -> new RunView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("goal_id"), rs.getString("created_by"),
            rs.getString("graph_version"), RunStatus.valueOf(rs.getString("status")), rs.getString("current_node"),
            Json.read(rs.getString("checkpoints"), CHECKPOINTS), Json.read(rs.getString("artifacts"), ARTIFACTS),
            rs.getBigDecimal("cost"), new Metrics(rs.getLong("tokens_used"), rs.getLong("api_calls"),
            BigDecimal.valueOf(rs.getLong("execution_ms"), 3)), rs.getString("error_message"), rs.getLong("version"),
            Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"), null, List.of());

    private final JdbcTemplate jdbc;

    public RunViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(RunCreated event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO run_view (id, tenant_id, goal_id, created_by, graph_version, status, "
                        + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING", event.runId(),
                event.tenantId(), event.goalId(), event.createdBy(), event.graphVersion(), event.status().name(),
                version, Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean setStatus(String runId, RunStatus status, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET status = ?, version = ?, updated_at = ? " + AT_PREVIOUS_VERSION,
                status.name(), version, Sql.timestamp(at), runId, version - 1);
    }

    boolean started(String runId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET status = ?, started_at = ?, version = ?, updated_at = ? "
                        + AT_PREVIOUS_VERSION, RunStatus.RUNNING.name(), Sql.timestamp(at), version,
                Sql.timestamp(at), runId, version - 1);
    }

    boolean finished(String runId, RunStatus status, String errorMessage, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET status = ?, error_message = ?, completed_at = ?, "
                        + "current_node = NULL, version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, status.name(),
                errorMessage, Sql.timestamp(at), version, Sql.timestamp(at), runId, version - 1);
    }

    /** Merges {@code fields} into the checkpoint of {@code node}, and makes it the current node. */
    boolean checkpoint(String runId, String node, Map<String, Object> fields, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET checkpoints = jsonb_set(checkpoints, ARRAY[?], "
                        + "COALESCE(checkpoints -> ?, '{}'::jsonb) || CAST(? AS jsonb)), current_node = ?, "
                        + "version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, node, node, Json.write(fields), node,
                version, Sql.timestamp(at), runId, version - 1);
    }

    boolean step(String runId, Map<String, Object> step, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET checkpoints = jsonb_set(checkpoints, '{executor}', "
                        + "COALESCE(checkpoints -> 'executor', '{}'::jsonb) || jsonb_build_object('steps', "
                        + "COALESCE(checkpoints -> 'executor' -> 'steps', '[]'::jsonb) || CAST(? AS jsonb))), "
                        + "version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, Json.write(List.of(step)), version,
                Sql.timestamp(at), runId, version - 1);
    }

    boolean artifact(String runId, String name, String value, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET artifacts = artifacts || jsonb_build_object(CAST(? AS text), "
                + "CAST(? AS text)), version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, name, value, version,
                Sql.timestamp(at), runId, version - 1);
    }

    boolean cost(CostRecorded event, long version, Instant at) {
        return 1 == jdbc.update("UPDATE run_view SET cost = cost + ?, tokens_used = tokens_used + ?, "
                        + "api_calls = api_calls + ?, execution_ms = execution_ms + ?, version = ?, updated_at = ? "
                        + AT_PREVIOUS_VERSION, event.cost(), event.inputTokens() + event.outputTokens(),
                event.apiCalls(), event.executionMillis(), version, Sql.timestamp(at), event.runId(), version - 1);
    }

    /** An event that changes nothing shown still takes its version, so that the next one finds its predecessor. */
    boolean advance(String runId, long version) {
        return 1 == jdbc.update("UPDATE run_view SET version = ? " + AT_PREVIOUS_VERSION, version, runId, version - 1);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM run_view");
    }

    public long version(String runId) {
        return jdbc.queryForList("SELECT version FROM run_view WHERE id = ?", Long.class, runId).stream().findFirst()
                .orElse(-1L);
    }

    public Optional<RunView> find(String runId, String tenantId) {
        return jdbc.query("SELECT * FROM run_view WHERE id = ? AND tenant_id = ?", ROW, runId, tenantId).stream()
                .findFirst();
    }

    public RunPage list(ListRuns query) {
        PageSpec page = query.pageSpec();
        Filters.Page<RunView> found = Filters.where("tenant_id = ?", query.tenantId())
                .and("status = ?", query.status())
                .and("goal_id = ?", query.goalId())
                .and("created_by = ?", query.createdBy())
                .page(jdbc, "run_view", "created_at DESC, id DESC", ROW, page);
        return new RunPage(found.items(), found.total(), page.page(), page.size(), page.pages(found.total()));
    }

    public List<RunSummary> summariesOfGoal(String goalId) {
        return jdbc.query("SELECT id, status, current_node, cost, started_at, completed_at, created_at FROM run_view "
                        + "WHERE goal_id = ? ORDER BY created_at, id",
                (rs, i) -> new RunSummary(rs.getString("id"), RunStatus.valueOf(rs.getString("status")),
                        rs.getString("current_node"), rs.getBigDecimal("cost"), Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "completed_at"), Sql.instant(rs, "created_at")), goalId);
    }

    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
