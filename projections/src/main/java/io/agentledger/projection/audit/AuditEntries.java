package io.agentledger.projection.audit;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.audit.RequestRejected;
import io.agentledger.kernel.session.LoginFailed;
import io.agentledger.projection.support.Json;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;

/** The audit entry of one stored event, for the audit log and for live audit subscribers alike. */
public final class AuditEntries {

    private AuditEntries() {
    }

    /**
     * @param metadata the event's metadata (user, tenant, client IP, user agent)
     * @param resourceId the aggregate the event belongs to, null for an event of no aggregate
     */
    public static AuditLogView entry(String eventId, Object payload, Map<String, ?> metadata, String resourceId,
                                     long position, Instant at) {
        boolean success = true;
        String error = null;
        String resource = resourceId;
        if (payload instanceof LoginFailed failed) {
            success = false;
            error = failed.reason();
            resource = failed.userId();
        } else if (payload instanceof RequestRejected rejected) {
            success = false;
            error = rejected.status() + " " + rejected.code() + ": " + rejected.detail();
            resource = rejected.path();
        }
        String tenantId = text(metadata.get("tenant_id"));
        if (tenantId == null) {
            tenantId = component(payload, "tenantId");
        }
        return new AuditLogView(eventId, tenantId, text(metadata.get("user_id")),
                AuditActions.action(payload.getClass()), AuditActions.resourceType(payload.getClass()), resource,
                Json.readMap(Json.write(payload)), text(metadata.get("client_ip")), text(metadata.get("user_agent")),
                success, error, position, at);
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
