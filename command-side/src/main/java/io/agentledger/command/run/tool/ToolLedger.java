package io.agentledger.command.run.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.serialization.EventObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * Runs a tool at most once per idempotency key: the effect, and the record of the invocation with
 * its result, are written in one transaction; asking again answers the recorded result.
 */
@Component
public class ToolLedger {

    private static final ObjectMapper JSON = EventObjectMapper.forMessages();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ToolLedger(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public Map<String, Object> execute(String idempotencyKey, String runId, Tool tool, Map<String, Object> params) {
        return recorded(idempotencyKey).orElseGet(() -> transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", idempotencyKey);
            return recorded(idempotencyKey).orElseGet(() -> {
                Map<String, Object> result = tool.execute(params, (channel, payload) -> jdbc.update(
                        "INSERT INTO tool_outbox (idempotency_key, run_id, channel, payload) "
                                + "VALUES (?, ?, ?, CAST(? AS jsonb))", idempotencyKey, runId, channel, write(payload)));
                jdbc.update("INSERT INTO tool_invocation (idempotency_key, run_id, tool, result) "
                        + "VALUES (?, ?, ?, CAST(? AS jsonb))", idempotencyKey, runId, tool.name(), write(result));
                return result;
            });
        }));
    }

    private Optional<Map<String, Object>> recorded(String idempotencyKey) {
        return jdbc.queryForList("SELECT result::text FROM tool_invocation WHERE idempotency_key = ?", String.class,
                idempotencyKey).stream().findFirst().map(ToolLedger::read);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Tool data is not JSON", e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt tool result", e);
        }
    }
}
