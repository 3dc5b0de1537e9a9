package io.agentledger.projection.audit;

import io.agentledger.kernel.audit.AuditLogView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * One audit entry per stored event: who did what to which resource, from where, and whether it worked.
 * The entries of a processor's batch are written together when its unit of work commits, in the same
 * transaction as the processor's token.
 */
@Component
@ProcessingGroup(AuditLogProjection.GROUP)
public class AuditLogProjection {

    public static final String GROUP = "audit-log";
    private static final String PENDING = AuditLogProjection.class.getName() + ".pending";

    private final AuditLogRepository entries;

    public AuditLogProjection(AuditLogRepository entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        String resourceId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        AuditLogView entry = AuditEntries.entry(message.getIdentifier(), payload, message.getMetaData(), resourceId,
                token == null ? 0 : token.position().orElse(0), message.getTimestamp());
        if (!CurrentUnitOfWork.isStarted()) {
            entries.insertAll(List.of(entry));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING, key -> {
            List<AuditLogView> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> entries.insertAll(pending));
            return pending;
        }).add(entry);
    }

    @ResetHandler
    void reset() {
        entries.deleteAll();
    }
}
