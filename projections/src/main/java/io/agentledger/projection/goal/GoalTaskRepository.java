package io.agentledger.projection.goal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.goal.PlannedTask;
import io.agentledger.kernel.goal.Priority;
import io.agentledger.kernel.goal.TaskView;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The tasks of a goal, as the planner of its latest run made them. */
@Repository
public class GoalTaskRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public GoalTaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(String goalId, String runId, List<PlannedTask> tasks, Instant at) {
        jdbc.update("DELETE FROM goal_task_view WHERE goal_id = ?", goalId);
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask task = tasks.get(i);
            jdbc.update("INSERT INTO goal_task_view (goal_id, id, run_id, position, title, description, status, "
                            + "priority, estimated_hours, dependencies, tool_refs, metadata, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), "
                            + "CAST(? AS jsonb), ?, ?)", goalId, task.id(), runId, i, task.title(), task.description(),
                    (task.priority() == null ? Priority.MEDIUM : task.priority()).name(), task.estimatedHours(),
                    Json.write(task.dependencies()), Json.write(List.of(task.tool())),
                    Json.write(Map.of("parameters", task.parameters())), Sql.timestamp(at), Sql.timestamp(at));
        }
    }

    void setStatus(String runId, String taskId, String status, Instant at) {
        jdbc.update("UPDATE goal_task_view SET status = ?, updated_at = ? WHERE run_id = ? AND id = ?", status,
                Sql.timestamp(at), runId, taskId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM goal_task_view");
    }

    public List<TaskView> ofGoal(String goalId) {
        return jdbc.query("SELECT * FROM goal_task_view WHERE goal_id = ? ORDER BY position", (rs, i) -> new TaskView(
                rs.getString("id"), rs.getString("goal_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("status"), rs.getString("assignee"), Sql.instant(rs, "due_date"),
                Priority.valueOf(rs.getString("priority")), rs.getBigDecimal("estimated_hours"),
                rs.getBigDecimal("actual_hours"), Json.read(rs.getString("dependencies"), STRINGS),
                Json.read(rs.getString("tool_refs"), STRINGS), Json.readMap(rs.getString("metadata")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")), goalId);
    }
}
