package io.agentledger.query.live;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import io.agentledger.axon.serialization.EventObjectMapper;
import io.agentledger.projection.audit.AuditEntries;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** Stored events as they are ({@code events}) and as audit entries ({@code audit}). */
final class EventMessages {

    private static final ObjectMapper JSON = EventObjectMapper.forMessages();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Map<String, String> READ_PERMISSIONS = Map.of("GoalAggregate", Permission.READ_GOALS,
            "RunAggregate", Permission.READ_RUNS, "ApprovalAggregate", Permission.READ_APPROVALS);

    private EventMessages() {
    }

    /** Goals, runs and approvals need their read permission; everything else is for auditors. */
    static boolean visibleTo(Caller caller, FeedEvent event) {
        return caller.can(READ_PERMISSIONS.getOrDefault(event.aggregateType(), Permission.READ_AUDIT));
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
