package io.agentledger.projection.run;

import io.agentledger.kernel.goal.RunSummary;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunStatus;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

@Repository
public class RunViewRepository {

    private final JdbcTemplate jdbc;

    public RunViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RunCreated event, Instant at) {
        jdbc.update("INSERT INTO run_view (id, tenant_id, goal_id, created_by, graph_version, status, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.runId(), event.tenantId(),
                event.goalId(), event.createdBy(), event.graphVersion(), event.status().name(), Sql.timestamp(at),
                Sql.timestamp(at));
    }

    void deleteAll() {
        jdbc.update("DELETE FROM run_view");
    }

    public List<RunSummary> summariesOfGoal(String goalId) {
        return jdbc.query("SELECT id, status, current_node, cost, started_at, completed_at, created_at FROM run_view "
                        + "WHERE goal_id = ? ORDER BY created_at, id",
                (rs, i) -> new RunSummary(rs.getString("id"), RunStatus.valueOf(rs.getString("status")),
                        rs.getString("current_node"), rs.getBigDecimal("cost"), Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "completed_at"), Sql.instant(rs, "created_at")), goalId);
    }
}
