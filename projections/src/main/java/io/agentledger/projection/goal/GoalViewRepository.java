package io.agentledger.projection.goal;

import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.GoalChanges;
import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalPage;
import io.agentledger.kernel.goal.GoalQueries.ListGoals;
import io.agentledger.kernel.goal.GoalStatus;
import io.agentledger.kernel.goal.GoalView;
import io.agentledger.kernel.goal.Priority;
import io.agentledger.kernel.goal.RunSummary;
import io.agentledger.kernel.goal.TaskView;
import io.agentledger.projection.run.RunViewRepository;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/**
 * The goal_view table: written by {@link GoalSummaryWriter}, read by the goal query handlers. A write
 * applies an event only to the row standing at the version before it, and answers whether it did.
 */
@Repository
public class GoalViewRepository {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, String>> ARTIFACTS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };
    private static final String COLUMNS = "id, tenant_id, created_by, text, autonomy_level, constraints, status, "
            + "priority, due_date, estimated_hours, actual_hours, metadata, summary, artifacts, version, created_at, "
            + "updated_at";
    /** Most goals read have no runs or tasks yet; these spare their reads a statement each. */
    private static final String HAS_RUNS = "EXISTS (SELECT 1 FROM run_view r WHERE r.goal_id = goal_view.id) AS has_runs";
    private static final String HAS_TASKS =
            "EXISTS (SELECT 1 FROM goal_task_view t WHERE t.goal_id = goal_view.id) AS has_tasks";

    private final JdbcTemplate jdbc;
    private final RunViewRepository runs;
    private final GoalTaskRepository tasks;

    public GoalViewRepository(JdbcTemplate jdbc, RunViewRepository runs, GoalTaskRepository tasks) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.tasks = tasks;
    }

    boolean completed(String goalId, String summary, Map<String, String> artifacts, long version, Instant at) {
        return 1 == jdbc.update("UPDATE goal_view SET status = ?, summary = ?, artifacts = CAST(? AS jsonb), "
                        + "version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, GoalStatus.COMPLETED.name(), summary,
                Json.write(artifacts), version, Sql.timestamp(at), goalId, version - 1);
    }

    boolean insert(GoalCreated event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO goal_view (id, tenant_id, created_by, text, autonomy_level, "
                        + "constraints, status, priority, due_date, estimated_hours, actual_hours, metadata, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, NULL, "
                        + "CAST(? AS jsonb), ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.goalId(), event.tenantId(), event.createdBy(), event.text(), event.autonomyLevel().name(),
                Json.write(event.constraints()), event.status().name(), event.priority().name(),
                Sql.timestamp(event.dueDate()), event.estimatedHours(), Json.write(event.metadata()), version,
                Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean applyChanges(String goalId, GoalChanges c, long version, Instant at) {
        return 1 == jdbc.update("UPDATE goal_view SET text = COALESCE(?, text), "
                        + "autonomy_level = COALESCE(?, autonomy_level), "
                        + "constraints = COALESCE(CAST(? AS jsonb), constraints), status = COALESCE(?, status), "
                        + "priority = COALESCE(?, priority), due_date = COALESCE(?, due_date), "
                        + "estimated_hours = COALESCE(?, estimated_hours), actual_hours = COALESCE(?, actual_hours), "
                        + "metadata = COALESCE(CAST(? AS jsonb), metadata), version = ?, updated_at = ? "
                        + AT_PREVIOUS_VERSION,
                c.text(), name(c.autonomyLevel()), Json.write(c.constraints()), name(c.status()), name(c.priority()),
                Sql.timestamp(c.dueDate()), c.estimatedHours(), c.actualHours(), Json.write(c.metadata()), version,
                Sql.timestamp(at), goalId, version - 1);
    }

    boolean setStatus(String goalId, GoalStatus status, long version, Instant at) {
        return 1 == jdbc.update("UPDATE goal_view SET status = ?, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, status.name(), version, Sql.timestamp(at), goalId, version - 1);
    }

    boolean markDeleted(String goalId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE goal_view SET deleted = true, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, version, Sql.timestamp(at), goalId, version - 1);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM goal_view");
    }

    public long version(String goalId) {
        return jdbc.queryForList("SELECT version FROM goal_view WHERE id = ?", Long.class, goalId).stream()
                .findFirst().orElse(-1L);
    }

    public Optional<GoalView> find(String goalId, String tenantId) {
        return jdbc.query("SELECT " + COLUMNS + ", " + HAS_RUNS + ", " + HAS_TASKS
                        + " FROM goal_view WHERE id = ? AND tenant_id = ? AND NOT deleted",
                rowMapper(true), goalId, tenantId).stream().findFirst();
    }

    public GoalPage list(ListGoals query) {
        String search = query.search() == null || query.search().isBlank() ? null
                : Sql.containsPattern(query.search().trim());
        Filters.Page<GoalView> page = Filters.where("tenant_id = ?", query.tenantId())
                .andAlways("NOT deleted")
                .and("status = ?", query.status())
                .and("priority = ?", query.priority())
                .and("autonomy_level = ?", query.autonomyLevel())
                .and("text ILIKE ?", search)
                .page(jdbc, "goal_view", "created_at DESC, id DESC", rowMapper(false), query.pageSpec());
        return new GoalPage(page.items(), page.total(), query.pageSpec().page(), query.pageSpec().size(),
                query.pageSpec().pages(page.total()));
    }

    private RowMapper<GoalView> rowMapper(boolean withRuns) {
        return (rs, i) -> {
            String id = rs.getString("id");
            List<RunSummary> goalRuns = withRuns && rs.getBoolean("has_runs") ? runs.summariesOfGoal(id) : List.of();
            List<TaskView> goalTasks = withRuns && rs.getBoolean("has_tasks") ? tasks.ofGoal(id) : List.of();
            return new GoalView(id, rs.getString("tenant_id"), rs.getString("created_by"), rs.getString("text"),
                    AutonomyLevel.valueOf(rs.getString("autonomy_level")), Json.readMap(rs.getString("constraints")),
                    GoalStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                    Sql.instant(rs, "due_date"), rs.getBigDecimal("estimated_hours"),
                    rs.getBigDecimal("actual_hours"), Json.readMap(rs.getString("metadata")), rs.getString("summary"),
                    Json.read(rs.getString("artifacts"), ARTIFACTS), rs.getLong("version"),
                    Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), goalTasks, goalRuns);
        };
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
