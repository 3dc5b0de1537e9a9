package io.agentledger.query.audit;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.query.web.PageParams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** A resource's events in order, as stored: type, sequence, timestamp, metadata, payload and chain link. */
@RestController
@PreAuthorize("hasAuthority('read:audit')")
public class HistoryController {

    private final EventRecords records;

    public HistoryController(EventRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v1/history/{resourceType}/{id}")
    public Map<String, Object> history(@PathVariable String resourceType, @PathVariable String id,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @AuthenticationPrincipal Caller caller) {
        String aggregate = EventRecords.AGGREGATES.get(resourceType);
        if (aggregate == null) {
            throw DomainException.invalid("resource_type must be one of "
                    + String.join(", ", EventRecords.AGGREGATES.keySet().stream().sorted().toList()));
        }
        PageSpec spec = PageParams.of(page, size);
        if (!records.tenantOf(aggregate, id).map(caller.tenantId()::equals).orElse(false)) {
            throw DomainException.notFound(resourceType + " " + id + " not found");
        }
        long total = records.count(id);
        return Map.of("resource_type", resourceType, "resource_id", id, "items",
                records.page(id, spec.size(), spec.offset()), "total", total, "page", spec.page(), "size",
                spec.size(), "pages", spec.pages(total));
    }
}
