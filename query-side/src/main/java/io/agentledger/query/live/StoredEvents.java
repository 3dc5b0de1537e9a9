package io.agentledger.query.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.agentledger.axon.serialization.EventObjectMapper;
import io.agentledger.query.audit.EventRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the event store in its global order, decoding payloads into the kernel's event types. */
@Component
public class StoredEvents {

    private static final String KERNEL = "io.agentledger.kernel.";
    private static final String COLUMNS = "global_index, time_stamp, event_identifier, type, aggregate_identifier, "
            + "sequence_number, payload_type, payload, meta_data";
    private static final ObjectMapper JSON = EventObjectMapper.forMessages();

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Class<?>>> types = new ConcurrentHashMap<>();
    private final RowMapper<FeedEvent> rows = (rs, i) -> decode(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9));

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the newest stored event, 0 when there is none. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** At most {@code limit} events that {@code filter} selects, with positions in {@code (after, upTo]}. */
    public List<FeedEvent> after(long after, long upTo, int limit, FeedFilter filter) {
        List<Object> parameters = new ArrayList<>(List.of(after, upTo));
        parameters.addAll(filter.parameters());
        parameters.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > greatest(?, 0) "
                + "AND global_index <= ? AND (" + filter.sql() + ") ORDER BY global_index LIMIT ?", rows,
                parameters.toArray());
    }

    /** The aggregate's events up to and including {@code upTo}, in order. */
    public List<FeedEvent> ofAggregate(String aggregateId, long upTo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND global_index > 0 AND global_index <= ? ORDER BY sequence_number", rows, aggregateId, upTo);
    }

    /** The aggregate's first event: what it is and whose. */
    public Optional<FeedEvent> first(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number LIMIT 1", rows, aggregateId).stream().findFirst();
    }

    private FeedEvent decode(long position, String timestamp, String eventId, String aggregateType,
                             String aggregateId, long sequence, String payloadType, byte[] payload,
                             byte[] metadata) {
        JsonNode json = tree(payload);
        JsonNode meta = tree(metadata);
        Object typed = types.computeIfAbsent(payloadType, StoredEvents::kernelType)
                .map(type -> convert(json, type)).orElse(json);
        String tenant = meta.path("tenant_id").isTextual() ? meta.path("tenant_id").asText()
                : json.path("tenant_id").asText(null);
        return new FeedEvent(position, Instant.parse(timestamp), eventId, aggregateType, aggregateId, sequence,
                EventRecords.simpleName(payloadType), typed, json, meta, tenant);
    }

    private static Optional<Class<?>> kernelType(String payloadType) {
        if (!payloadType.startsWith(KERNEL)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(payloadType, false, StoredEvents.class.getClassLoader()));
        } catch (ClassNotFoundException retired) {
            return Optional.empty();
        }
    }

    private static Object convert(JsonNode json, Class<?> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (IOException unreadable) {
            return json;
        }
    }

    private static JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            throw new UncheckedIOException("A stored event is not JSON", notJson);
        }
    }
}
