package io.agentledger.query.live;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import io.agentledger.axon.serialization.EventObjectMapper;
import io.agentledger.projection.audit.AuditEntries;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Stored events as they are ({@code events}) and as audit entries ({@code audit}). */
final class EventMessages {

    private static final ObjectMapper JSON = EventObjectMapper.forMessages();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Map<String, String> READ_PERMISSIONS = Map.of("GoalAggregate", Permission.READ_GOALS,
            "RunAggregate", Permission.READ_RUNS, "ApprovalAggregate", Permission.READ_APPROVALS);

    private EventMessages() {
    }

    /** Goals, runs and approvals need their read permission; every other event is for auditors. */
    static FeedFilter visibleTo(Caller caller) {
        List<Object> allowed = READ_PERMISSIONS.entrySet().stream().filter(g -> caller.can(g.getValue()))
                .map(g -> (Object) g.getKey()).toList();
        List<Object> denied = READ_PERMISSIONS.entrySet().stream().filter(g -> !caller.can(g.getValue()))
                .map(g -> (Object) g.getKey()).toList();
        Predicate<FeedEvent> visible = event -> event.aggregateType() != null
                && READ_PERMISSIONS.containsKey(event.aggregateType())
                ? caller.can(READ_PERMISSIONS.get(event.aggregateType())) : caller.can(Permission.READ_AUDIT);
        if (caller.can(Permission.READ_AUDIT)) {
            return new FeedFilter(visible, denied.isEmpty() ? "TRUE"
                    : "(type IS NULL OR type NOT IN (" + placeholders(denied) + "))", denied);
        }
        return new FeedFilter(visible, allowed.isEmpty() ? "FALSE" : "type IN (" + placeholders(allowed) + ")",
                allowed);
    }

    private static String placeholders(List<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    /** The event's type name (its history name, {@code RunStarted} say) and everything stored of it. */
    static LiveMessage stored(FeedEvent event) {
        return LiveMessage.of(event.type(), event, Data.of("event_id", event.eventId())
                .with("resource_type", event.aggregateType())
                .with("resource_id", event.aggregateType() == null ? null : event.aggregateId())
                .with("sequence", event.aggregateType() == null ? null : event.sequence())
                .with("user_id", event.userId())
                .with("payload", event.json()).map());
    }

    static LiveMessage audit(FeedEvent event) {
        if (event.payload() instanceof com.fasterxml.jackson.databind.JsonNode) {
            return null;
        }
        Map<String, Object> metadata = event.metadata().isObject() ? JSON.convertValue(event.metadata(), MAP)
                : Map.of();
        AuditLogView entry = AuditEntries.entry(event.eventId(), event.payload(), metadata,
                event.aggregateType() == null ? null : event.aggregateId(), event.position(), event.timestamp());
        return LiveMessage.of("audit.entry", event, JSON.convertValue(entry, MAP));
    }
}
