package io.agentledger.projection.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/** One audit entry per stored event: who did what to which resource, from where, and whether it worked. */
@Component
@ProcessingGroup(AuditLogProjection.GROUP)
public class AuditLogProjection {

    public static final String GROUP = "audit-log";

    private final AuditLogRepository entries;

    public AuditLogProjection(AuditLogRepository entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        String resourceId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        entries.insert(AuditEntries.entry(message.getIdentifier(), payload, message.getMetaData(), resourceId,
                token == null ? 0 : token.position().orElse(0), message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        entries.deleteAll();
    }
}
