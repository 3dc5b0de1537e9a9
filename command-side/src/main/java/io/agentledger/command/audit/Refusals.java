package io.agentledger.command.audit;

import io.agentledger.kernel.audit.RequestRejected;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Puts on record the changes an authenticated caller asked for and was refused, over any transport:
 * authorization (403), validation (400, 422) and business rules (409). What the caller sent is cut to
 * a bounded size; the request body is never recorded.
 */
@Component
public class Refusals {

    static final int MAX_TARGET = 300;
    static final int MAX_DETAIL = 1000;
    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    private static final Set<Integer> RECORDED = Set.of(400, 403, 409, 422);

    private final EventGateway events;

    public Refusals(EventGateway events) {
        this.events = events;
    }

    /** {@code method}: the HTTP method, or {@code RSOCKET}; {@code target}: the path or the route. */
    public void record(Caller caller, String method, String target, ErrorCode code, String detail,
                       Map<String, ?> metadata) {
        if (caller == null || !RECORDED.contains(code.httpStatus())) {
            return;
        }
        try {
            events.publish(GenericEventMessage.asEventMessage(new RequestRejected(caller.tenantId(), caller.userId(),
                    method, cut(target, MAX_TARGET), code.httpStatus(), code.name(), cut(detail, MAX_DETAIL)))
                    .andMetaData(metadata));
        } catch (RuntimeException e) {
            log.error("Could not record a rejected request", e);
        }
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\0', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }
}
