package io.agentledger.app.web;

import io.agentledger.axon.metadata.AuditContextSupplier;
import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.app.security.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;

/** The audit metadata of the HTTP request the current thread serves. */
@Component
public class HttpAuditContext implements AuditContextSupplier {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final int MAX_USER_AGENT = 512;

    @Override
    public Map<String, String> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Map.of();
        }
        HttpServletRequest request = attributes.getRequest();
        Map<String, String> context = new HashMap<>();
        String requestId = RequestIds.of(request);
        context.put(AuditMetadata.REQUEST_ID, requestId);
        context.put(AuditMetadata.CLIENT_IP, request.getRemoteAddr());
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            context.put(AuditMetadata.USER_AGENT, userAgent.length() > MAX_USER_AGENT
                    ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
        }
        String correlation = request.getHeader(CORRELATION_HEADER);
        context.put(AuditMetadata.CORRELATION_ID,
                correlation != null && RequestIds.fromClientOrNew(correlation).equals(correlation)
                        ? correlation : requestId);
        CurrentCaller.get().ifPresent(caller -> {
            context.put(AuditMetadata.USER_ID, caller.userId());
            context.put(AuditMetadata.TENANT_ID, caller.tenantId());
        });
        return context;
    }
}
