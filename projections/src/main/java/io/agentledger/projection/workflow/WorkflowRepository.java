package io.agentledger.projection.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowEdge;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowCreated;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowRevised;
import io.agentledger.kernel.workflow.WorkflowNode;
import io.agentledger.kernel.workflow.WorkflowPage;
import io.agentledger.kernel.workflow.WorkflowQueries.ListWorkflows;
import io.agentledger.kernel.workflow.WorkflowQueries.WorkflowDefinitionAt;
import io.agentledger.kernel.workflow.WorkflowView;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.agentledger.projection.support.Sql.AT_PREVIOUS_VERSION;

/**
 * workflow_view (guarded by the workflow's version like the other read models) and
 * workflow_version_view, one row per saved version, which answers {@code version} and {@code as_of}.
 */
@Repository
public class WorkflowRepository {

    private static final TypeReference<WorkflowDefinition> DEFINITION = new TypeReference<>() {
    };
    private static final String STATS = " LEFT JOIN LATERAL (SELECT max(e.started_at) AS last_executed, count(*) AS "
            + "executions, count(*) FILTER (WHERE e.status = 'COMPLETED') AS completed, count(*) FILTER (WHERE "
            + "e.status IN ('COMPLETED', 'FAILED', 'STOPPED')) AS ended FROM workflow_execution_view e "
            + "WHERE e.workflow_id = w.id) s ON true";

    private final JdbcTemplate jdbc;

    public WorkflowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(WorkflowCreated event, long version, Instant at) {
        saveVersion(event.workflowId(), version, event.tenantId(), event.name(), event.description(),
                event.definition(), event.isActive(), false, event.createdBy(), at);
        return 1 == jdbc.update("INSERT INTO workflow_view (id, tenant_id, created_by, name, description, definition, "
                        + "is_active, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, "
                        + "?) ON CONFLICT (id) DO NOTHING", event.workflowId(), event.tenantId(), event.createdBy(),
                event.name(), event.description(), Json.write(event.definition()), event.isActive(), version,
                Sql.timestamp(at), Sql.timestamp(at));
    }

    boolean revise(WorkflowRevised event, long version, Instant at) {
        boolean applied = 1 == jdbc.update("UPDATE workflow_view SET name = COALESCE(?, name), "
                        + "description = COALESCE(?, description), definition = COALESCE(CAST(? AS jsonb), definition), "
                        + "is_active = COALESCE(?, is_active), version = ?, updated_at = ? " + AT_PREVIOUS_VERSION,
                event.name(), event.description(), Json.write(event.definition()), event.isActive(), version,
                Sql.timestamp(at), event.workflowId(), version - 1);
        copyVersion(event.workflowId(), version, event.revisedBy(), at, false);
        return applied;
    }

    /** An event that changes nothing shown (a schedule firing) still takes its version. */
    boolean advance(String workflowId, long version) {
        return 1 == jdbc.update("UPDATE workflow_view SET version = ? " + AT_PREVIOUS_VERSION, version, workflowId,
                version - 1);
    }

    boolean delete(String workflowId, String deletedBy, long version, Instant at) {
        boolean applied = 1 == jdbc.update("UPDATE workflow_view SET deleted = true, version = ?, updated_at = ? "
                + AT_PREVIOUS_VERSION, version, Sql.timestamp(at), workflowId, version - 1);
        copyVersion(workflowId, version, deletedBy, at, true);
        return applied;
    }

    /** The version row as the workflow now stands (written after the view took the event, or already there). */
    private void copyVersion(String workflowId, long version, String savedBy, Instant at, boolean deleted) {
        jdbc.update("INSERT INTO workflow_version_view (workflow_id, version, tenant_id, name, description, definition, "
                + "is_active, deleted, saved_by, saved_at) SELECT id, version, tenant_id, name, description, definition, "
                + "is_active, ?, ?, ? FROM workflow_view WHERE id = ? AND version = ? ON CONFLICT DO NOTHING", deleted,
                savedBy, Sql.timestamp(at), workflowId, version);
    }

    private void saveVersion(String workflowId, long version, String tenantId, String name, String description,
                             WorkflowDefinition definition, boolean active, boolean deleted, String by, Instant at) {
        jdbc.update("INSERT INTO workflow_version_view (workflow_id, version, tenant_id, name, description, definition, "
                        + "is_active, deleted, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", workflowId, version, tenantId, name, description,
                Json.write(definition), active, deleted, by, Sql.timestamp(at));
    }

    void deleteAll() {
        jdbc.update("DELETE FROM workflow_version_view");
        jdbc.update("DELETE FROM workflow_view");
    }

    public long version(String workflowId) {
        return jdbc.queryForList("SELECT version FROM workflow_view WHERE id = ?", Long.class, workflowId).stream()
                .findFirst().orElse(-1L);
    }

    public Optional<WorkflowDefinitionAt> definition(String workflowId, String tenantId) {
        return jdbc.query("SELECT version, definition, is_active FROM workflow_view WHERE id = ? AND tenant_id = ? "
                + "AND NOT deleted", (rs, i) -> new WorkflowDefinitionAt(rs.getLong("version"),
                Json.read(rs.getString("definition"), DEFINITION), rs.getBoolean("is_active")), workflowId, tenantId)
                .stream().findFirst();
    }

    public Optional<WorkflowView> find(String workflowId, String tenantId) {
        return jdbc.query("SELECT w.*, s.* FROM workflow_view w" + STATS + " WHERE w.id = ? AND w.tenant_id = ? "
                + "AND NOT w.deleted", rows(), workflowId, tenantId).stream().findFirst();
    }

    /** As saved at {@code version}, or the last version saved at or before {@code asOf}; empty if deleted by then. */
    public Optional<WorkflowView> findPast(String workflowId, String tenantId, Long version, Instant asOf) {
        String pick = version != null ? "v.version <= ? AND w.version >= " + version : "v.saved_at <= ?";
        Object bound = version != null ? version : Sql.timestamp(asOf);
        return jdbc.query("SELECT v.workflow_id AS id, v.tenant_id, w.created_by, v.name, v.description, v.definition, "
                        + "v.is_active, v.version, w.created_at, v.saved_at AS updated_at, v.deleted, NULL AS last_executed, "
                        + "0 AS executions, 0 AS completed, 0 AS ended FROM workflow_version_view v JOIN workflow_view w "
                        + "ON w.id = v.workflow_id WHERE v.workflow_id = ? AND v.tenant_id = ? AND " + pick
                        + " AND NOT v.deleted ORDER BY v.version DESC LIMIT 1", rows(), workflowId, tenantId, bound)
                .stream().findFirst().filter(found -> !deletedAt(workflowId, version, asOf));
    }

    private boolean deletedAt(String workflowId, Long version, Instant asOf) {
        String pick = version != null ? "version <= ?" : "saved_at <= ?";
        return jdbc.queryForList("SELECT deleted FROM workflow_version_view WHERE workflow_id = ? AND " + pick
                        + " ORDER BY version DESC LIMIT 1", Boolean.class, workflowId,
                version != null ? version : Sql.timestamp(asOf)).stream().findFirst().orElse(false);
    }

    public WorkflowPage<WorkflowView> list(ListWorkflows query) {
        StringBuilder where = new StringBuilder(" WHERE w.tenant_id = ? AND NOT w.deleted");
        List<Object> args = new ArrayList<>(List.of(query.tenantId()));
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (w.name ILIKE ? OR w.description ILIKE ?)");
            String pattern = Sql.containsPattern(query.search().trim());
            args.add(pattern);
            args.add(pattern);
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM workflow_view w" + where, Long.class, args.toArray());
        args.add(query.limit());
        args.add(query.offset());
        return new WorkflowPage<>(jdbc.query("SELECT w.*, s.* FROM workflow_view w" + STATS + where
                + " ORDER BY w.created_at DESC, w.id DESC LIMIT ? OFFSET ?", rows(), args.toArray()), total);
    }

    private static RowMapper<WorkflowView> rows() {
        return (rs, i) -> {
            WorkflowDefinition definition = Json.read(rs.getString("definition"), DEFINITION);
            long ended = rs.getLong("ended");
            return new WorkflowView(rs.getString("id"), rs.getString("tenant_id"), rs.getString("created_by"),
                    rs.getString("name"), rs.getString("description"), definition.nodes(), definition.edges(),
                    paios(definition), rs.getBoolean("is_active"), rs.getLong("version"),
                    Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "last_executed"),
                    rs.getLong("executions"), ended == 0 ? 0 : Math.round(rs.getLong("completed") * 1000.0 / ended)
                    / 1000.0);
        };
    }

    /** Seed 003's view of the same graph: each node a step, its predecessors its {@code depends_on}. */
    static Map<String, Object> paios(WorkflowDefinition definition) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (WorkflowNode node : definition.nodes()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", node.id());
            step.put("type", node.type());
            Map<String, Object> data = node.data() == null ? Map.of() : node.data();
            data.forEach(step::putIfAbsent);
            step.put("depends_on", definition.edges().stream().filter(e -> node.id().equals(e.target()))
                    .map(WorkflowEdge::source).toList());
            steps.add(step);
        }
        Map<String, Object> paios = new LinkedHashMap<>();
        paios.put("trigger", definition.trigger() == null ? Map.of("type", "manual") : definition.trigger());
        paios.put("steps", steps);
        paios.put("error_handling", definition.errorHandling() == null ? Map.of("strategy", "fail_fast")
                : definition.errorHandling());
        paios.put("timeout_ms", definition.timeoutMs());
        paios.put("retry_policy", definition.retries());
        return paios;
    }
}
