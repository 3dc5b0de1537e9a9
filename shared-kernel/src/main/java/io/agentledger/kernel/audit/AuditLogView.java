package io.agentledger.kernel.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record AuditLogView(String id, String tenantId, String userId, String action, String resourceType,
                           String resourceId, Map<String, Object> details, String ipAddress, String userAgent,
                           boolean success, String errorMessage, long position, Instant createdAt) {

    public record Page(List<AuditLogView> items, long total, int page, int size, int pages) {
    }

    public record RunTrail(String runId, List<Entry> logs) {

        public record Entry(Instant timestamp, String node, String action, Map<String, Object> details) {
        }
    }
}
