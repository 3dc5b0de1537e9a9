package io.agentledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored events as auditors read them: raw from the event store (its JSON as it is), so history and
 * exports show exactly what was recorded.
 */
@Component
public class EventRecords {

    /** The resource types with a history, and the aggregate each is stored as. */
    static final Map<String, String> AGGREGATES = Map.ofEntries(
            Map.entry("goal", "GoalAggregate"), Map.entry("run", "RunAggregate"),
            Map.entry("approval", "ApprovalAggregate"), Map.entry("user", "UserAggregate"),
            Map.entry("tenant", "TenantAggregate"), Map.entry("api_key", "ApiKeyAggregate"),
            Map.entry("session", "SessionAggregate"), Map.entry("invitation", "InvitationAggregate"),
            Map.entry("credential", "CredentialAggregate"), Map.entry("connector", "ConnectorAggregate"),
            Map.entry("agent", "AgentAggregate"), Map.entry("agent_execution", "ExecutionAggregate"),
            Map.entry("workflow", "WorkflowAggregate"), Map.entry("workflow_execution", "WorkflowExecutionAggregate"),
            Map.entry("mcp_server", "McpServerAggregate"), Map.entry("task", "TaskAggregate"),
            Map.entry("task_session", "TaskSessionAggregate"), Map.entry("automation", "AutomationAggregate"),
            Map.entry("automation_firing", "AutomationFiringAggregate"), Map.entry("voice", "VoiceProfileAggregate"),
            Map.entry("agent_message", "AgentMessageAggregate"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public EventRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant a resource belongs to, from its first event; empty if it does not exist. */
    Optional<String> tenantOf(String aggregateType, String aggregateId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'tenant_id' FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND type = ? ORDER BY sequence_number LIMIT 1", String.class,
                aggregateId, aggregateType).stream().findFirst();
    }

    long count(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    List<Map<String, Object>> page(String aggregateId, int size, long offset) {
        return jdbc.query("SELECT global_index, event_identifier, payload_type, payload_revision, sequence_number, "
                        + "time_stamp, payload, meta_data, chain_link FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number LIMIT ? OFFSET ?",
                (rs, i) -> {
                    Map<String, Object> event = new java.util.LinkedHashMap<>();
                    long position = rs.getLong("global_index");
                    event.put("position", position > 0 ? position : null);
                    event.put("event_id", rs.getString("event_identifier"));
                    event.put("type", simpleName(rs.getString("payload_type")));
                    event.put("payload_type", rs.getString("payload_type"));
                    event.put("revision", rs.getString("payload_revision"));
                    event.put("sequence", rs.getLong("sequence_number"));
                    event.put("timestamp", rs.getString("time_stamp"));
                    event.put("metadata", json(rs.getBytes("meta_data")));
                    event.put("payload", json(rs.getBytes("payload")));
                    byte[] link = rs.getBytes("chain_link");
                    event.put("chain_link", link == null ? null : HexFormat.of().formatHex(link));
                    return event;
                }, aggregateId, size, offset);
    }

    /** {@code io.agentledger.kernel.run.RunEvent$RunStarted} is {@code RunStarted}. */
    public static String simpleName(String payloadType) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
