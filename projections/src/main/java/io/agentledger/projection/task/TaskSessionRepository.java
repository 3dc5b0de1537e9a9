package io.agentledger.projection.task;

import io.agentledger.kernel.task.TaskSessionEvent.TaskSessionOpened;
import io.agentledger.kernel.task.TaskSessionView;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/** task_session_view: one row per session, guarded by the session's version; deleted sessions stay, marked. */
@Repository
public class TaskSessionRepository {

    private static final RowMapper<TaskSessionView> ROW = (rs, n) -> new TaskSessionView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("created_by"), rs.getString("name"),
            rs.getBoolean("deleted") ? "deleted" : "active", rs.getString("working_directory"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("task_count"),
            rs.getLong("version"), null);

    private final JdbcTemplate jdbc;

    public TaskSessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(TaskSessionOpened event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO task_session_view (id, tenant_id, created_by, name, working_directory, "
                        + "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.sessionId(), event.tenantId(), event.openedBy(), event.name(), event.workingDirectory(), version,
                Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean delete(String sessionId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE task_session_view SET deleted = true, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, version, Sql.timestamp(at), sessionId, version - 1);
    }

    void taskAdded(String sessionId, Instant at) {
        jdbc.update("UPDATE task_session_view SET task_count = task_count + 1, updated_at = ? WHERE id = ?",
                Sql.timestamp(at), sessionId);
    }

    /** A session of the tenant that is not deleted. */
    public Optional<TaskSessionView> find(String sessionId, String tenantId) {
        return jdbc.query("SELECT * FROM task_session_view WHERE id = ? AND tenant_id = ? AND NOT deleted", ROW,
                sessionId, tenantId).stream().findFirst();
    }

    public Long version(String sessionId) {
        return jdbc.query("SELECT version FROM task_session_view WHERE id = ?", (rs, n) -> rs.getLong(1), sessionId)
                .stream().findFirst().orElse(null);
    }

    public List<TaskSessionView> list(String tenantId, long offset, int limit) {
        return jdbc.query("SELECT * FROM task_session_view WHERE tenant_id = ? AND NOT deleted "
                + "ORDER BY created_at DESC, id OFFSET ? LIMIT ?", ROW, tenantId, offset, limit);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM task_session_view");
    }
}
