package io.agentledger.query.system;

import io.agentledger.kernel.system.SettingDefaults;
import io.agentledger.kernel.system.SystemCommands;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's configuration at any moment, folded from the modification events of the tenant and of
 * the platform: the tenant's value, else the platform's, else the deployment default.
 */
@Component
public class ConfigurationAt {

    private final EventStore events;
    private final SettingDefaults defaults;

    public ConfigurationAt(EventStore events, SettingDefaults defaults) {
        this.events = events;
        this.defaults = defaults;
    }

    /** {@code tenantId} {@link SystemCommands#PLATFORM} for the platform's own; {@code asOf} null: now. */
    public Map<String, Object> of(String tenantId, Instant asOf) {
        Overrides platform = overrides(SystemCommands.PLATFORM, asOf);
        Overrides own = SystemCommands.PLATFORM.equals(tenantId) ? platform : overrides(tenantId, asOf);
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        defaults.values().forEach((key, fallback) -> {
            if (own.values.containsKey(key)) {
                settings.put(key, own.values.get(key));
                sources.put(key, own == platform ? "platform" : "tenant");
            } else if (platform.values.containsKey(key)) {
                settings.put(key, platform.values.get(key));
                sources.put(key, "platform");
            } else {
                settings.put(key, fallback);
                sources.put(key, "default");
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", own == platform ? "platform" : "tenant");
        answer.put("tenant_id", tenantId);
        answer.put("as_of", asOf);
        answer.put("version", own.version);
        answer.put("settings", settings);
        answer.put("overridden", own.values.keySet());
        answer.put("sources", sources);
        return answer;
    }

    private Overrides overrides(String tenantId, Instant asOf) {
        Overrides overrides = new Overrides();
        for (DomainEventMessage<?> message : events.readEvents(SystemCommands.configId(tenantId), 0).asStream()
                .toList()) {
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof SystemModified modified) {
                modified.changes().forEach((key, change) -> {
                    if (change.after() == null) {
                        overrides.values.remove(key);
                    } else {
                        overrides.values.put(key, change.after());
                    }
                });
                overrides.version = message.getSequenceNumber();
            }
        }
        return overrides;
    }

    private static final class Overrides {
        final Map<String, Object> values = new LinkedHashMap<>();
        long version = -1;
    }
}
