package io.agentledger.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where events stand in the global order of the event store, which aggregate streams alone do not tell. */
@Component
class EventPositions {

    private final JdbcTemplate jdbc;

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Ordered order(List<DomainEventMessage<?>> events) {
        String[] aggregates = events.stream().map(DomainEventMessage::getAggregateIdentifier).distinct()
                .toArray(String[]::new);
        Map<String, Long> positions = new HashMap<>();
        jdbc.query(connection -> {
            // an event not yet sealed (negative provisional position) comes after every sealed one
            PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier, sequence_number, "
                    + "CASE WHEN global_index < 0 THEN global_index + 9223372036854775807 ELSE global_index END "
                    + "FROM domain_event_entry WHERE aggregate_identifier = ANY (?)");
            statement.setArray(1, connection.createArrayOf("varchar", aggregates));
            return statement;
        }, row -> {
            positions.put(key(row.getString(1), row.getLong(2)), row.getLong(3));
        });
        Ordered ordered = new Ordered(List.of(), positions);
        return new Ordered(events.stream().sorted(Comparator.comparingLong(ordered::positionOf)).toList(), positions);
    }

    private static String key(String aggregateId, long sequence) {
        return aggregateId + '#' + sequence;
    }

    /** Events in global order, and the position of each. */
    record Ordered(List<DomainEventMessage<?>> events, Map<String, Long> positions) {

        long positionOf(DomainEventMessage<?> event) {
            return positionOf(event.getAggregateIdentifier(), event.getSequenceNumber());
        }

        long positionOf(String aggregateId, long sequence) {
            Long position = positions.get(key(aggregateId, sequence));
            if (position == null) {
                throw new IllegalStateException("No stored position for event " + sequence + " of " + aggregateId);
            }
            return position;
        }
    }
}
