package io.agentledger.query.audit;

import io.agentledger.kernel.audit.AuditLogView;
import io.agentledger.kernel.audit.AuditQueries.FindRunAuditTrail;
import io.agentledger.kernel.audit.AuditQueries.ListAuditLogs;
import io.agentledger.projection.audit.AuditLogRepository;
import io.agentledger.projection.run.RunViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class AuditQueryHandler {

    private final AuditLogRepository entries;
    private final RunViewRepository runs;

    public AuditQueryHandler(AuditLogRepository entries, RunViewRepository runs) {
        this.entries = entries;
        this.runs = runs;
    }

    @QueryHandler
    public AuditLogView.Page handle(ListAuditLogs query) {
        return entries.list(query);
    }

    @QueryHandler
    public AuditLogView.RunTrail handle(FindRunAuditTrail query) {
        if (runs.find(query.runId(), query.tenantId()).isEmpty()) {
            return null;
        }
        return new AuditLogView.RunTrail(query.runId(), entries.ofResource(query.tenantId(), "run", query.runId())
                .stream().map(entry -> new AuditLogView.RunTrail.Entry(entry.createdAt(),
                        entry.details().get("node") == null ? null : entry.details().get("node").toString(),
                        entry.action(), entry.details())).toList());
    }
}
