package io.agentledger.app.web;

import io.agentledger.app.security.CurrentCaller;
import io.agentledger.kernel.audit.RequestRejected;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Puts on record the changes an authenticated caller asked for and was refused: authorization (403),
 * validation (400, 422) and business rules (409). Reads and anonymous requests are not recorded.
 */
@Component
public class RejectionRecorder {

    private static final Logger log = LoggerFactory.getLogger(RejectionRecorder.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> RECORDED = Set.of(400, 403, 409, 422);

    private final EventGateway events;

    public RejectionRecorder(EventGateway events) {
        this.events = events;
    }

    void record(HttpServletRequest request, ErrorCode code, String detail) {
        Caller caller = CurrentCaller.get().orElse(null);
        if (!CHANGES.contains(request.getMethod()) || !RECORDED.contains(code.httpStatus()) || caller == null) {
            return;
        }
        try {
            events.publish(new RequestRejected(caller.tenantId(), caller.userId(), request.getMethod(),
                    request.getRequestURI(), code.httpStatus(), code.name(), detail));
        } catch (RuntimeException e) {
            log.error("Could not record a rejected request", e);
        }
    }
}
