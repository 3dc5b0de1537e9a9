package io.agentledger.command.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.automation.TriggerRules.Match;
import io.agentledger.kernel.automation.AutomationEvent;
import io.agentledger.kernel.automation.AutomationFiringEvent;
import io.agentledger.kernel.automation.AutomationQueries.Automations;
import io.agentledger.kernel.automation.AutomationQueries.FindActiveAutomations;
import io.agentledger.kernel.automation.AutomationView;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every event of the service (a tracking processor of its own, never replayed) and fires the
 * tenant's active automations whose trigger it matches. An automation fires only for events stored
 * after it was saved, never for events its own firings caused (their correlation), and at most
 * {@code agentledger.automations.max-firings-per-minute} times a minute on a node (a runaway chain is
 * cut, and logged).
 */
@Component
@ProcessingGroup(AutomationTriggers.GROUP)
public class AutomationTriggers {

    public static final String GROUP = "automation-triggers";
    private static final Logger log = LoggerFactory.getLogger(AutomationTriggers.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).addModule(new JavaTimeModule()).build();

    private final QueryGateway queries;
    private final AutomationFirer firer;
    private final Clock clock;
    private final int maxPerMinute;
    private final Cache<String, List<AutomationView>> active = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Map<Class<?>, Optional<Method>> tenantAccessors = new ConcurrentHashMap<>();
    private final Map<String, long[]> recentFirings = new ConcurrentHashMap<>();

    public AutomationTriggers(QueryGateway queries, AutomationFirer firer, Clock clock,
                              @Value("${agentledger.automations.max-firings-per-minute:30}") int maxPerMinute) {
        this.queries = queries;
        this.firer = firer;
        this.clock = clock;
        this.maxPerMinute = maxPerMinute;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        String tenantId = tenantOf(payload, event);
        if (tenantId == null || payload instanceof AutomationFiringEvent) {
            return;
        }
        if (payload instanceof AutomationEvent) {
            active.invalidate(tenantId);
        }
        Object correlation = event.getMetaData().get(AuditMetadata.CORRELATION_ID);
        if (correlation instanceof String id && id.startsWith("fire_")) {
            return;
        }
        List<AutomationView> automations = active.get(tenantId, tenant -> queries.query(
                new FindActiveAutomations(tenant), Automations.class).join().items());
        JsonNode json = null;
        for (AutomationView automation : automations) {
            if (event.getTimestamp().isBefore(automation.createdAt())) {
                continue;
            }
            if (json == null) {
                json = JSON.valueToTree(payload);
            }
            for (Match match : TriggerRules.matches(automation.trigger(), automation.id(), payload, json)) {
                if (overLimit(automation.id())) {
                    log.warn("Automation {} fired more than {} times this minute; not firing for event {}",
                            automation.id(), maxPerMinute, event.getIdentifier());
                    continue;
                }
                try {
                    firer.fire(automation, event.getIdentifier(), payload.getClass().getSimpleName(), match);
                } catch (DomainException refused) {
                    log.warn("Automation {} could not start what it asks for: {}", automation.id(),
                            refused.getMessage());
                }
            }
        }
    }

    private boolean overLimit(String automationId) {
        long now = clock.millis();
        long[] window = recentFirings.computeIfAbsent(automationId, id -> new long[]{now, 0});
        synchronized (window) {
            if (now - window[0] > 60_000) {
                window[0] = now;
                window[1] = 0;
            }
            return ++window[1] > maxPerMinute;
        }
    }

    private String tenantOf(Object payload, EventMessage<?> event) {
        Optional<Method> accessor = tenantAccessors.computeIfAbsent(payload.getClass(), type -> {
            try {
                return Optional.of(type.getMethod("tenantId"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        try {
            Object tenant = accessor.isPresent() ? accessor.get().invoke(payload) : null;
            if (tenant instanceof String id) {
                return id;
            }
        } catch (ReflectiveOperationException e) {
            log.debug("No tenant on {}: {}", payload.getClass().getSimpleName(), e.toString());
        }
        Object tenant = event.getMetaData().get(AuditMetadata.TENANT_ID);
        return tenant instanceof String id ? id : null;
    }
}
