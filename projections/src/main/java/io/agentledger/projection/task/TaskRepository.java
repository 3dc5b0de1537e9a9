package io.agentledger.projection.task;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.task.TaskArtifactView;
import io.agentledger.kernel.task.TaskEvent.TaskArtifactStored;
import io.agentledger.kernel.task.TaskEvent.TaskCreated;
import io.agentledger.kernel.task.TaskStatus;
import io.agentledger.kernel.task.TaskView;
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

/** task_view (guarded by the task's version, the plan kept with each step's status) and task_artifact_view. */
@Repository
public class TaskRepository {

    static final TypeReference<List<Map<String, Object>>> STEPS = new TypeReference<>() {
    };
    private static final RowMapper<TaskView> ROW = (rs, n) -> new TaskView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("session_id"), rs.getString("created_by"),
            rs.getString("description"), rs.getString("model"), rs.getString("provider"),
            TaskStatus.valueOf(rs.getString("status")), rs.getInt("iterations"), Json.read(rs.getString("plan"), STEPS),
            rs.getString("summary"), rs.getString("error"), rs.getString("error_code"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "completed_at"), rs.getLong("version"));
    private static final RowMapper<TaskArtifactView> ARTIFACT = (rs, n) -> new TaskArtifactView(rs.getString("id"),
            rs.getString("task_id"), rs.getString("tenant_id"), rs.getString("name"), rs.getString("type"),
            rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public TaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(TaskCreated event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO task_view (id, tenant_id, session_id, created_by, description, model, "
                        + "provider, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING", event.taskId(), event.tenantId(), event.sessionId(),
                event.createdBy(), event.description(), event.model(), event.provider(), TaskStatus.RUNNING.name(),
                version, Sql.timestamp(at), Sql.timestamp(at));
    }

    /** The plan on record when the row stands just before {@code version}; empty when it does not. */
    Optional<List<Map<String, Object>>> planBefore(String taskId, long version) {
        return jdbc.query("SELECT plan FROM task_view " + AT_PREVIOUS_VERSION, (rs, n) -> Json.read(rs.getString(1),
                STEPS), taskId, version - 1).stream().findFirst();
    }

    boolean plan(String taskId, List<Map<String, Object>> plan, long version, Instant at) {
        return 1 == jdbc.update("UPDATE task_view SET plan = CAST(? AS jsonb), version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, Json.write(plan), version, Sql.timestamp(at), taskId, version - 1);
    }

    boolean iterations(String taskId, int iterations, long version, Instant at) {
        return 1 == jdbc.update("UPDATE task_view SET iterations = ?, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, iterations, version, Sql.timestamp(at), taskId, version - 1);
    }

    boolean advance(String taskId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE task_view SET version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, version,
                Sql.timestamp(at), taskId, version - 1);
    }

    boolean ended(String taskId, TaskStatus status, String summary, String error, String code, long version,
                  Instant at) {
        return 1 == jdbc.update("UPDATE task_view SET status = ?, summary = ?, error = ?, error_code = ?, "
                        + "completed_at = ?, version = ?, updated_at = ? " + AT_PREVIOUS_VERSION, status.name(),
                Text.foreign(summary), Text.foreign(error), code, Sql.timestamp(at), version, Sql.timestamp(at), taskId,
                version - 1);
    }

    void artifact(TaskArtifactStored event, Instant at) {
        jdbc.update("INSERT INTO task_artifact_view (id, task_id, tenant_id, step_id, name, type, content_type, size, "
                        + "sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.artifactId(), event.taskId(), event.tenantId(), event.stepId(), Text.foreign(event.name()),
                event.type(), event.contentType(), event.size(), event.sha256(), Sql.timestamp(at));
    }

    public Optional<TaskView> find(String taskId, String tenantId) {
        return jdbc.query("SELECT * FROM task_view WHERE id = ? AND tenant_id = ?", ROW, taskId, tenantId).stream()
                .findFirst();
    }

    public Long version(String taskId) {
        return jdbc.query("SELECT version FROM task_view WHERE id = ?", (rs, n) -> rs.getLong(1), taskId).stream()
                .findFirst().orElse(null);
    }

    public List<TaskView> ofSession(String sessionId, String tenantId, long offset, int limit) {
        return jdbc.query("SELECT * FROM task_view WHERE session_id = ? AND tenant_id = ? ORDER BY created_at, id "
                + "OFFSET ? LIMIT ?", ROW, sessionId, tenantId, offset, limit);
    }

    public List<String> running(String sessionId, String tenantId) {
        return jdbc.queryForList("SELECT id FROM task_view WHERE session_id = ? AND tenant_id = ? AND status = ?",
                String.class, sessionId, tenantId, TaskStatus.RUNNING.name());
    }

    public List<TaskArtifactView> artifacts(String taskId, String tenantId) {
        return jdbc.query("SELECT * FROM task_artifact_view WHERE task_id = ? AND tenant_id = ? ORDER BY created_at, id",
                ARTIFACT, taskId, tenantId);
    }

    public Optional<TaskArtifactView> artifact(String taskId, String artifactId, String tenantId) {
        return jdbc.query("SELECT * FROM task_artifact_view WHERE id = ? AND task_id = ? AND tenant_id = ?", ARTIFACT,
                artifactId, taskId, tenantId).stream().findFirst();
    }

    void deleteAll() {
        jdbc.update("DELETE FROM task_artifact_view");
        jdbc.update("DELETE FROM task_view");
    }
}
