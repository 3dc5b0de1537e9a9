package io.agentledger.query.audit;

import io.agentledger.axon.eventstore.chain.ChainVerifier;
import io.agentledger.axon.eventstore.chain.ChainVerifier.Verification;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recomputes the event hash chain (optionally over {@code from}..{@code to} positions) and checks the
 * signed checkpoints: the whole chain for platform admins, the caller's tenant's events for others.
 */
@RestController
@PreAuthorize("hasAuthority('read:audit')")
public class AuditVerifyController {

    private final ChainVerifier verifier;

    public AuditVerifyController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/audit/verify")
    public Map<String, Object> verify(@RequestParam(required = false) Long from,
                                      @RequestParam(required = false) Long to,
                                      @AuthenticationPrincipal Caller caller) {
        if (from != null && from < 1 || to != null && to < 1) {
            throw DomainException.invalid("from and to are positions, 1 or more");
        }
        if (from != null && to != null && from > to) {
            throw DomainException.invalid("from must not be after to");
        }
        Verification result = caller.platformAdmin() ? verifier.verify(from, to)
                : verifier.verifyTenant(caller.tenantId(), from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", result.ok());
        body.put("scope", caller.platformAdmin() ? "platform" : "tenant");
        body.put("events_checked", result.eventsChecked());
        body.put("head", Map.of("position", result.headPosition(),
                "link", result.headLink() == null ? "" : result.headLink()));
        body.put("checkpoints_checked", result.checkpointsChecked());
        body.put("unsealed_events", result.unsealedEvents());
        if (result.broken() != null) {
            body.put("broken", Map.of("position", result.broken().position(), "reason", result.broken().reason()));
        }
        return body;
    }
}
