package io.agentledger.projection.approval;

import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;
import io.agentledger.kernel.approval.ApprovalPage;
import io.agentledger.kernel.approval.ApprovalQueries.ListApprovals;
import io.agentledger.kernel.approval.ApprovalState;
import io.agentledger.kernel.approval.ApprovalView;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

@Repository
public class ApprovalViewRepository {

    private static final RowMapper<ApprovalView> ROW = (rs, i) -> new ApprovalView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("run_id"), rs.getString("goal_id"), rs.getString("node"),
            rs.getString("action"), Json.readMap(rs.getString("payload")), rs.getString("reason"),
            rs.getBigDecimal("estimated_cost"), ApprovalState.valueOf(rs.getString("state")),
            rs.getString("decided_by"), rs.getString("comments"), Json.readMap(rs.getString("changes")),
            Sql.instant(rs, "deadline"), Sql.instant(rs, "decided_at"), rs.getLong("version"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), null);

    private final JdbcTemplate jdbc;

    public ApprovalViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(ApprovalRequested event, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO approval_view (id, tenant_id, run_id, goal_id, node, action, payload, "
                        + "reason, "
                        + "estimated_cost, state, deadline, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING",
                event.approvalId(),
                event.tenantId(), event.runId(), event.goalId(), event.node(), event.action(),
                Json.write(event.payload()), event.reason(), event.estimatedCost(), ApprovalState.PENDING.name(),
                Sql.timestamp(event.deadline()), version, Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean decided(ApprovalDecided event, long version, Instant at) {
        return 1 == jdbc.update("UPDATE approval_view SET state = ?, decided_by = ?, comments = ?, "
                        + "payload = CAST(? AS jsonb), changes = CAST(? AS jsonb), decided_at = ?, version = ?, "
                        + "updated_at = ? " + AT_PREVIOUS_VERSION,
                ApprovalState.after(event.decision()).name(), event.decidedBy(), event.comments(),
                Json.write(event.payload()), Json.write(event.changes()), Sql.timestamp(at), version,
                Sql.timestamp(at), event.approvalId(), version - 1);
    }

    boolean expired(String approvalId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE approval_view SET state = ?, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, ApprovalState.EXPIRED.name(), version, Sql.timestamp(at), approvalId,
                version - 1);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM approval_view");
    }

    public long version(String approvalId) {
        return jdbc.queryForList("SELECT version FROM approval_view WHERE id = ?", Long.class, approvalId).stream()
                .findFirst().orElse(-1L);
    }

    public Optional<ApprovalView> find(String approvalId, String tenantId) {
        return jdbc.query("SELECT * FROM approval_view WHERE id = ? AND tenant_id = ?", ROW, approvalId, tenantId)
                .stream().findFirst();
    }

    public List<ApprovalView> ofRun(String runId) {
        return jdbc.query("SELECT * FROM approval_view WHERE run_id = ? ORDER BY created_at, id", ROW, runId);
    }

    public ApprovalPage list(ListApprovals query) {
        PageSpec page = query.pageSpec();
        Filters.Page<ApprovalView> found = Filters.where("tenant_id = ?", query.tenantId())
                .and("state = ?", query.state())
                .and("run_id = ?", query.runId())
                .page(jdbc, "approval_view", "created_at DESC, id DESC", ROW, page);
        return new ApprovalPage(found.items(), found.total(), page.page(), page.size(), page.pages(found.total()));
    }
}
