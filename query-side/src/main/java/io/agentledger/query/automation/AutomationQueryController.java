package io.agentledger.query.automation;

import io.agentledger.kernel.automation.AutomationShapes;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.projection.automation.AutomationRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seed 000's automations and their firings. */
@RestController
@PreAuthorize("hasAuthority('read:automations')")
public class AutomationQueryController {

    static final int MAX_SIZE = 100;

    private final AutomationRepository automations;

    public AutomationQueryController(AutomationRepository automations) {
        this.automations = automations;
    }

    @GetMapping("/api/v1/automations")
    public Map<String, Object> list(@RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "20") int size,
                                    @RequestParam(name = "is_active", required = false) Boolean isActive,
                                    @RequestParam(name = "trigger_type", required = false) String triggerType,
                                    @AuthenticationPrincipal Caller caller) {
        checkPage(page, size);
        if (triggerType != null && triggerType.length() > 32) {
            throw DomainException.invalid("trigger_type must be at most 32 characters");
        }
        long total = automations.count(caller.tenantId(), isActive, triggerType);
        return page(automations.list(caller.tenantId(), isActive, triggerType, (long) (page - 1) * size, size)
                .stream().map(AutomationShapes::automation).toList(), total, page, size);
    }

    @GetMapping("/api/v1/automations/{automationId}")
    public Map<String, Object> get(@PathVariable String automationId, @AuthenticationPrincipal Caller caller) {
        return AutomationShapes.automation(automations.find(automationId, caller.tenantId())
                .orElseThrow(() -> DomainException.notFound("Automation " + automationId + " not found")));
    }

    @GetMapping("/api/v1/automations/{automationId}/firings")
    public Map<String, Object> firings(@PathVariable String automationId,
                                       @RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "20") int size,
                                       @AuthenticationPrincipal Caller caller) {
        checkPage(page, size);
        automations.find(automationId, caller.tenantId())
                .orElseThrow(() -> DomainException.notFound("Automation " + automationId + " not found"));
        return page(automations.firings(automationId, (long) (page - 1) * size, size).stream()
                .map(AutomationShapes::firing).toList(), automations.firingCount(automationId), page, size);
    }

    private static Map<String, Object> page(Object items, long total, int page, int size) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("total", total);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("pages", (total + size - 1) / size);
        return answer;
    }

    private static void checkPage(int page, int size) {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("page must be 1 or more and size 1 to " + MAX_SIZE);
        }
    }
}
