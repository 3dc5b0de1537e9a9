package io.agentledger.query.audit;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.audit.AuditQueries.FindRunAuditTrail;
import io.agentledger.kernel.audit.AuditQueries.ListAuditLogs;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The audit log, newest first. Auditors and admins read their whole tenant's; anyone else reads
 * the entries of their own actions only.
 */
@RestController
public class AuditLogController {

    private final QueryGateway queries;

    public AuditLogController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/audit/logs")
    public AuditLogView.Page logs(@RequestParam(name = "user_id", required = false) String userId,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(name = "resource_type", required = false) String resourceType,
                                  @RequestParam(name = "resource_id", required = false) String resourceId,
                                  @RequestParam(required = false) Boolean success,
                                  @RequestParam(name = "date_from", required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dateFrom,
                                  @RequestParam(name = "date_to", required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dateTo,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @AuthenticationPrincipal Caller caller) {
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw DomainException.invalid("date_from must not be after date_to");
        }
        String onlyUser = caller.can(Permission.READ_AUDIT) ? null : caller.userId();
        return queries.query(new ListAuditLogs(caller.tenantId(), onlyUser, blankToNull(userId), blankToNull(action),
                blankToNull(resourceType), blankToNull(resourceId), success, dateFrom, dateTo,
                PageParams.of(page, size)), AuditLogView.Page.class).join();
    }

    @GetMapping("/api/v1/audit/runs/{runId}")
    @PreAuthorize("hasAuthority('read:audit')")
    public AuditLogView.RunTrail runTrail(@PathVariable String runId, @AuthenticationPrincipal Caller caller) {
        AuditLogView.RunTrail trail = queries.query(new FindRunAuditTrail(runId, caller.tenantId()),
                AuditLogView.RunTrail.class).join();
        if (trail == null) {
            throw DomainException.notFound("Run " + runId + " not found");
        }
        return trail;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
