package io.agentledger.app.admin;

import io.agentledger.kernel.deadletter.DeadLetterEvent.DeadLetterEvicted;
import io.agentledger.kernel.deadletter.DeadLetterEvent.DeadLetterRetried;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.page.PageSpec;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events read models parked: where they wait and why, retried or evicted on a platform admin's
 * word, each decision an event. A retry replays the whole parked sequence of that aggregate in order.
 */
@Component
public class DeadLetters {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final EventGateway events;

    public DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing, EventGateway events) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.events = events;
    }

    public Map<String, Object> page(String group, PageSpec spec) {
        int page = spec.page();
        int size = spec.size();
        String where = group == null ? "" : " WHERE d.processinggroup = ?";
        Object[] args = group == null ? new Object[0] : new Object[]{group};
        Long total = jdbc.queryForObject("SELECT count(*) FROM deadletterentry d" + where, Long.class, args);
        List<Map<String, Object>> items = jdbc.queryForList("SELECT d.deadletteridentifier AS id, "
                + "d.processinggroup AS processing_group, d.sequenceidentifier AS sequence, "
                + "d.sequenceindex AS sequence_index, d.eventidentifier AS event_id, e.global_index AS position, "
                + "e.tenant_id, d.payloadtype AS event_type, d.aggregateidentifier AS aggregate_id, "
                + "d.enqueuedat AS enqueued_at, d.lasttouched AS last_touched, d.causetype AS cause_type, "
                + "d.causemessage AS cause_message FROM deadletterentry d LEFT JOIN domain_event_entry e "
                + "ON e.event_identifier = d.eventidentifier" + where
                + " ORDER BY d.enqueuedat, d.sequenceindex LIMIT " + size + " OFFSET " + spec.offset(), args);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", total);
        body.put("page", page);
        body.put("size", size);
        body.put("pages", total == null ? 0 : spec.pages(total));
        return body;
    }

    /** Per processing group: how many wait, and since when. */
    public Map<String, Map<String, Object>> waiting() {
        Map<String, Map<String, Object>> waiting = new LinkedHashMap<>();
        jdbc.query("SELECT processinggroup, count(*), min(enqueuedat) FROM deadletterentry GROUP BY processinggroup "
                + "ORDER BY processinggroup", rs -> {
            waiting.put(rs.getString(1), Map.of("waiting", rs.getLong(2), "oldest", rs.getString(3)));
        });
        return waiting;
    }

    /** Processes the letter's sequence again; answers whether every letter of it applied this time. */
    public Map<String, Object> retry(String id, Caller caller) {
        Letter letter = find(id);
        boolean applied = processing.sequencedDeadLetterProcessor(letter.group())
                .orElseThrow(() -> DomainException.conflict(letter.group() + " has no dead-letter queue"))
                .process(first -> first instanceof JdbcDeadLetter<?> jdbcLetter
                        && letter.sequence().equals(jdbcLetter.getSequenceIdentifier()));
        boolean stillParked = exists(id);
        events.publish(new DeadLetterRetried(id, letter.group(), letter.eventId(), applied && !stillParked,
                caller.userId()));
        return Map.of("id", id, "applied", applied && !stillParked, "still_parked", stillParked);
    }

    public void evict(String id, String reason, Caller caller) {
        Letter letter = find(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.group())
                .orElseThrow(() -> DomainException.conflict(letter.group() + " has no dead-letter queue"));
        for (DeadLetter<? extends EventMessage<?>> parked : queue.deadLetterSequence(letter.sequence())) {
            if (parked instanceof JdbcDeadLetter<?> jdbcLetter && id.equals(jdbcLetter.getIdentifier())) {
                queue.evict(cast(parked));
                events.publish(new DeadLetterEvicted(id, letter.group(), letter.eventId(), reason, caller.userId()));
                return;
            }
        }
        throw DomainException.notFound("Dead letter " + id + " not found");
    }

    @SuppressWarnings("unchecked")
    private static DeadLetter<EventMessage<?>> cast(DeadLetter<? extends EventMessage<?>> letter) {
        return (DeadLetter<EventMessage<?>>) letter;
    }

    private boolean exists(String id) {
        return !jdbc.queryForList("SELECT 1 FROM deadletterentry WHERE deadletteridentifier = ?", id).isEmpty();
    }

    private Letter find(String id) {
        return jdbc.query("SELECT processinggroup, sequenceidentifier, eventidentifier FROM deadletterentry "
                        + "WHERE deadletteridentifier = ?", (rs, i) -> new Letter(rs.getString(1), rs.getString(2),
                        rs.getString(3)), id).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("Dead letter " + id + " not found"));
    }

    private record Letter(String group, String sequence, String eventId) {
    }
}
