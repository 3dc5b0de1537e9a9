package io.agentledger.query.system;

import io.agentledger.kernel.system.SettingsSchema;
import io.agentledger.kernel.system.SystemCommands;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tenant's configuration at any moment, folded from its modification events (defaults where never set). */
@Component
public class ConfigurationAt {

    private final EventStore events;

    public ConfigurationAt(EventStore events) {
        this.events = events;
    }

    /** {@code asOf} null: now. */
    public Map<String, Object> of(String tenantId, Instant asOf) {
        Map<String, Object> settings = new LinkedHashMap<>(SettingsSchema.defaults());
        List<String> overridden = new ArrayList<>();
        long version = -1;
        for (DomainEventMessage<?> message : events.readEvents(SystemCommands.configId(tenantId), 0).asStream()
                .toList()) {
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof SystemModified modified) {
                modified.changes().forEach((key, change) -> {
                    settings.put(key, change.after());
                    if (!overridden.contains(key)) {
                        overridden.add(key);
                    }
                });
                version = message.getSequenceNumber();
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant_id", tenantId);
        answer.put("as_of", asOf);
        answer.put("version", version);
        answer.put("settings", settings);
        answer.put("overridden", overridden);
        return answer;
    }
}
