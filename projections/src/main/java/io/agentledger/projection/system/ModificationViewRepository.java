package io.agentledger.projection.system;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.system.ModificationPage;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.ModificationView;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import io.agentledger.kernel.system.SystemQueries.ListModifications;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** system_modification_view: the modification history of each tenant's configuration. */
@Repository
public class ModificationViewRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final RowMapper<ModificationView> ROW = (rs, i) -> new ModificationView(rs.getString("id"),
            ModificationType.valueOf(rs.getString("type")), rs.getString("description"),
            Json.readMap(rs.getString("before_state")), Json.readMap(rs.getString("after_state")),
            rs.getString("applied_by"), Sql.instant(rs, "applied_at"), rs.getString("rolled_back_by") == null,
            rs.getString("impact_assessment"), Json.read(rs.getString("rolls_back"), STRINGS), rs.getString("reason"),
            rs.getString("rolled_back_by"), rs.getLong("version"));

    private final JdbcTemplate jdbc;

    public ModificationViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SystemModified e, long version, Instant at) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        e.changes().forEach((key, change) -> {
            before.put(key, change.before());
            after.put(key, change.after());
        });
        List<String> rollsBack = e.rollsBack() == null ? List.of() : e.rollsBack();
        jdbc.update("INSERT INTO system_modification_view (id, tenant_id, type, description, before_state, "
                        + "after_state, applied_by, applied_at, impact_assessment, rolls_back, reason, version) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, CAST(? AS jsonb), ?, ?)",
                e.modificationId(), e.tenantId(), e.type().name(), e.description(), Json.write(before),
                Json.write(after), e.appliedBy(), Sql.timestamp(at), e.impactAssessment(), Json.write(rollsBack),
                e.reason(), version);
        for (String target : rollsBack) {
            jdbc.update("UPDATE system_modification_view SET rolled_back_by = ? WHERE id = ?", e.modificationId(),
                    target);
        }
    }

    void deleteAll() {
        jdbc.update("DELETE FROM system_modification_view");
    }

    public long version(String tenantId) {
        Long version = jdbc.queryForObject("SELECT max(version) FROM system_modification_view WHERE tenant_id = ?",
                Long.class, tenantId);
        return version == null ? -1 : version;
    }

    public Optional<ModificationView> find(String tenantId, String modificationId) {
        return jdbc.query("SELECT * FROM system_modification_view WHERE tenant_id = ? AND id = ?", ROW, tenantId,
                modificationId).stream().findFirst();
    }

    public ModificationPage list(ListModifications query) {
        Filters.Page<ModificationView> page = Filters.where("tenant_id = ?", query.tenantId())
                .and("type = ?", query.type() == null ? null : query.type().name())
                .and("applied_by = ?", query.appliedBy())
                .and("applied_at >= ?", Sql.timestamp(query.dateFrom()))
                .and("applied_at <= ?", Sql.timestamp(query.dateTo()))
                .page(jdbc, "system_modification_view", "applied_at DESC, version DESC", ROW, query.pageSpec());
        return new ModificationPage(page.items(), page.total(), query.pageSpec().page(), query.pageSpec().size(),
                query.pageSpec().pages(page.total()));
    }
}
