package io.agentledger.projection.audit;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.audit.AuditQueries.ListAuditLogs;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
public class AuditLogRepository {

    private static final RowMapper<AuditLogView> ROW = (rs, i) -> new AuditLogView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("user_id"), rs.getString("action"), rs.getString("resource_type"),
            rs.getString("resource_id"), Json.readMap(rs.getString("details")), rs.getString("ip_address"),
            rs.getString("user_agent"), rs.getBoolean("success"), rs.getString("error_message"),
            rs.getLong("position"), Sql.instant(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public AuditLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One round trip for the whole list: a processor's batch of events becomes one JDBC batch. Every
     * value is made to fit its column, so no request, however hostile, can stop the audit log.
     */
    void insertAll(List<AuditLogView> entries) {
        jdbc.batchUpdate("INSERT INTO audit_log (id, position, tenant_id, user_id, action, resource_type, "
                        + "resource_id, details, ip_address, user_agent, success, error_message, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                entries.stream().map(entry -> new Object[]{Text.fit(entry.id(), 64), entry.position(),
                        Text.fit(entry.tenantId(), 40), Text.fit(entry.userId(), 80), Text.fit(entry.action(), 80),
                        Text.fit(entry.resourceType(), 40), Text.fit(entry.resourceId(), 200),
                        Json.write(entry.details()), Text.fit(entry.ipAddress(), 64), Text.fit(entry.userAgent(), 512),
                        entry.success(), Text.foreign(entry.errorMessage()), Sql.timestamp(entry.createdAt())})
                        .toList());
    }

    void deleteAll() {
        jdbc.update("DELETE FROM audit_log");
    }

    public AuditLogView.Page list(ListAuditLogs query) {
        Filters.Page<AuditLogView> page = Filters.where("tenant_id = ?", query.tenantId())
                .and("user_id = ?", query.onlyUserId())
                .and("user_id = ?", query.userId())
                .and("action = ?", query.action())
                .and("resource_type = ?", query.resourceType())
                .and("resource_id = ?", query.resourceId())
                .and("success = ?", query.success())
                .and("created_at >= ?", Sql.timestamp(query.dateFrom()))
                .and("created_at <= ?", Sql.timestamp(query.dateTo()))
                .page(jdbc, "audit_log", "created_at DESC, position DESC", ROW, query.pageSpec());
        return new AuditLogView.Page(page.items(), page.total(), query.pageSpec().page(), query.pageSpec().size(),
                query.pageSpec().pages(page.total()));
    }

    public List<AuditLogView> ofResource(String tenantId, String resourceType, String resourceId) {
        return jdbc.query("SELECT * FROM audit_log WHERE tenant_id = ? AND resource_type = ? AND resource_id = ? "
                + "ORDER BY position", ROW, tenantId, resourceType, resourceId);
    }
}
