package io.agentledger.kernel.audit;

import io.agentledger.kernel.page.PageSpec;

import java.time.Instant;

public final class AuditQueries {

    private AuditQueries() {
    }

    /** {@code onlyUserId}: set for callers who may see only their own actions. Null filters match all. */
    public record ListAuditLogs(String tenantId, String onlyUserId, String userId, String action,
                                String resourceType, String resourceId, Boolean success, Instant dateFrom,
                                Instant dateTo, PageSpec pageSpec) {
    }

    /** Answers null when the run is not the tenant's. */
    public record FindRunAuditTrail(String runId, String tenantId) {
    }
}
