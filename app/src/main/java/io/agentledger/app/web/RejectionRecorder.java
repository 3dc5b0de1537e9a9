package io.agentledger.app.web;

import io.agentledger.app.security.CurrentCaller;
import io.agentledger.command.audit.Refusals;
import io.agentledger.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** Puts on record the changes an authenticated caller asked for over HTTP and was refused; reads are not recorded. */
@Component
public class RejectionRecorder {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Refusals refusals;

    public RejectionRecorder(Refusals refusals) {
        this.refusals = refusals;
    }

    void record(HttpServletRequest request, ErrorCode code, String detail) {
        if (CHANGES.contains(request.getMethod())) {
            refusals.record(CurrentCaller.get().orElse(null), request.getMethod(), request.getRequestURI(), code,
                    detail, Map.of());
        }
    }
}
