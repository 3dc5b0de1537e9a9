package io.agentledger.projection.audit;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.audit.RequestRejected;
import io.agentledger.kernel.session.LoginFailed;
import io.agentledger.projection.support.Json;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;

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
        MetaData meta = message.getMetaData();
        boolean success = true;
        String error = null;
        String resourceId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        if (payload instanceof LoginFailed failed) {
            success = false;
            error = failed.reason();
            resourceId = failed.userId();
        } else if (payload instanceof RequestRejected rejected) {
            success = false;
            error = rejected.status() + " " + rejected.code() + ": " + rejected.detail();
            resourceId = rejected.path();
        }
        String tenantId = text(meta.get("tenant_id"));
        if (tenantId == null) {
            tenantId = component(payload, "tenantId");
        }
        entries.insert(new AuditLogView(message.getIdentifier(), tenantId, text(meta.get("user_id")),
                AuditActions.action(payload.getClass()), AuditActions.resourceType(payload.getClass()), resourceId,
                Json.readMap(Json.write(payload)), text(meta.get("client_ip")), text(meta.get("user_agent")), success,
                error, token == null ? 0 : token.position().orElse(0), message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        entries.deleteAll();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String component(Object payload, String name) {
        if (payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return text(component.getAccessor().invoke(payload));
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
