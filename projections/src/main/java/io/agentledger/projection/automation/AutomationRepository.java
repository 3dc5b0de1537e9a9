package io.agentledger.projection.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.automation.AutomationEvent.AutomationCreated;
import io.agentledger.kernel.automation.AutomationEvent.AutomationUpdated;
import io.agentledger.kernel.automation.AutomationFiringEvent.AutomationFired;
import io.agentledger.kernel.automation.AutomationFiringView;
import io.agentledger.kernel.automation.AutomationTrigger;
import io.agentledger.kernel.automation.AutomationView;
import io.agentledger.kernel.automation.AutomationWorkflow;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/** automation_view (guarded by the automation's version) and automation_firing_view (one row per firing). */
@Repository
public class AutomationRepository {

    private static final RowMapper<AutomationView> ROW = (rs, n) -> new AutomationView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("created_by"), rs.getString("name"), rs.getString("description"),
            Json.read(rs.getString("trigger"), new TypeReference<AutomationTrigger>() {
            }), Json.read(rs.getString("workflow"), new TypeReference<AutomationWorkflow>() {
            }), rs.getBoolean("is_active"), rs.getLong("fire_count"), Sql.instant(rs, "last_fired_at"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    private static final RowMapper<AutomationFiringView> FIRING = (rs, n) -> new AutomationFiringView(
            rs.getString("id"), rs.getString("automation_id"), rs.getString("trigger_event_id"),
            rs.getString("trigger_event_type"), rs.getString("trigger_item"), rs.getString("started_type"),
            rs.getString("started_id"), rs.getString("run_id"), Sql.instant(rs, "fired_at"));

    private final JdbcTemplate jdbc;

    public AutomationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(AutomationCreated e, long version, Instant at) {
        return 1 == jdbc.update("INSERT INTO automation_view (id, tenant_id, created_by, name, description, "
                        + "trigger_type, trigger, workflow, is_active, version, created_at, updated_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                e.automationId(), e.tenantId(), e.createdBy(), e.name(), e.description(), e.trigger().type(),
                Json.write(e.trigger()), Json.write(e.workflow()), e.isActive(), version, Sql.timestamp(at),
                Sql.timestamp(at));
    }

    boolean update(AutomationUpdated e, long version, Instant at) {
        return 1 == jdbc.update("UPDATE automation_view SET name = ?, description = ?, trigger_type = ?, "
                        + "trigger = CAST(? AS jsonb), workflow = CAST(? AS jsonb), is_active = ?, version = ?, "
                        + "updated_at = ? " + AT_PREVIOUS_VERSION, e.name(), e.description(), e.trigger().type(),
                Json.write(e.trigger()), Json.write(e.workflow()), e.isActive(), version, Sql.timestamp(at),
                e.automationId(), version - 1);
    }

    boolean delete(String automationId, long version, Instant at) {
        return 1 == jdbc.update("UPDATE automation_view SET deleted = true, is_active = false, version = ?, "
                + "updated_at = ? " + AT_PREVIOUS_VERSION, version, Sql.timestamp(at), automationId, version - 1);
    }

    boolean advance(String automationId, long version) {
        return 1 == jdbc.update("UPDATE automation_view SET version = ? " + AT_PREVIOUS_VERSION, version, automationId,
                version - 1);
    }

    void fired(AutomationFired e, Instant at) {
        if (1 == jdbc.update("INSERT INTO automation_firing_view (id, automation_id, tenant_id, trigger_event_id, "
                        + "trigger_event_type, trigger_item, started_type, started_id, run_id, fired_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", e.firingId(), e.automationId(),
                e.tenantId(), e.triggerEventId(), e.triggerEventType(), Text.foreign(e.triggerItem()), e.startedType(),
                e.startedId(), e.runId(), Sql.timestamp(at))) {
            jdbc.update("UPDATE automation_view SET fire_count = fire_count + 1, last_fired_at = GREATEST("
                    + "last_fired_at, ?) WHERE id = ?", Sql.timestamp(at), e.automationId());
        }
    }

    public Optional<AutomationView> find(String automationId, String tenantId) {
        return jdbc.query("SELECT * FROM automation_view WHERE id = ? AND tenant_id = ? AND NOT deleted", ROW,
                automationId, tenantId).stream().findFirst();
    }

    public Long version(String automationId) {
        return jdbc.query("SELECT version FROM automation_view WHERE id = ?", (rs, n) -> rs.getLong(1), automationId)
                .stream().findFirst().orElse(null);
    }

    public List<AutomationView> active(String tenantId) {
        return jdbc.query("SELECT * FROM automation_view WHERE tenant_id = ? AND is_active AND NOT deleted", ROW,
                tenantId);
    }

    public List<AutomationView> list(String tenantId, Boolean isActive, String triggerType, long offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = where(tenantId, isActive, triggerType, arguments);
        arguments.add(offset);
        arguments.add(limit);
        return jdbc.query("SELECT * FROM automation_view " + where + " ORDER BY created_at DESC, id OFFSET ? LIMIT ?",
                ROW, arguments.toArray());
    }

    public long count(String tenantId, Boolean isActive, String triggerType) {
        List<Object> arguments = new ArrayList<>();
        String where = where(tenantId, isActive, triggerType, arguments);
        return jdbc.queryForObject("SELECT count(*) FROM automation_view " + where, Long.class, arguments.toArray());
    }

    private static String where(String tenantId, Boolean isActive, String triggerType, List<Object> arguments) {
        StringBuilder where = new StringBuilder("WHERE tenant_id = ? AND NOT deleted");
        arguments.add(tenantId);
        if (isActive != null) {
            where.append(" AND is_active = ?");
            arguments.add(isActive);
        }
        if (triggerType != null) {
            where.append(" AND trigger_type = ?");
            arguments.add(triggerType);
        }
        return where.toString();
    }

    public List<AutomationFiringView> firings(String automationId, long offset, int limit) {
        return jdbc.query("SELECT * FROM automation_firing_view WHERE automation_id = ? ORDER BY fired_at DESC, id "
                + "OFFSET ? LIMIT ?", FIRING, automationId, offset, limit);
    }

    public long firingCount(String automationId) {
        return jdbc.queryForObject("SELECT count(*) FROM automation_firing_view WHERE automation_id = ?", Long.class,
                automationId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM automation_firing_view");
        jdbc.update("DELETE FROM automation_view");
    }
}
