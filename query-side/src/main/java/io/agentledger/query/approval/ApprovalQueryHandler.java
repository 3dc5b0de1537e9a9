package io.agentledger.query.approval;

import io.agentledger.kernel.approval.ApprovalPage;
import io.agentledger.kernel.approval.ApprovalQueries.FindApproval;
import io.agentledger.kernel.approval.ApprovalQueries.FindApprovalVersion;
import io.agentledger.kernel.approval.ApprovalQueries.ListApprovals;
import io.agentledger.kernel.approval.ApprovalView;
import io.agentledger.projection.approval.ApprovalViewRepository;
import io.agentledger.projection.run.RunViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ApprovalQueryHandler {

    private final ApprovalViewRepository approvals;
    private final RunViewRepository runs;

    public ApprovalQueryHandler(ApprovalViewRepository approvals, RunViewRepository runs) {
        this.approvals = approvals;
        this.runs = runs;
    }

    @QueryHandler
    public ApprovalView handle(FindApproval query) {
        return approvals.find(query.approvalId(), query.tenantId()).map(approval -> {
            ApprovalView.RunRef run = runs.find(approval.runId(), approval.tenantId())
                    .map(r -> new ApprovalView.RunRef(r.id(), r.status(), r.currentNode(), r.goalId()))
                    .orElse(null);
            return new ApprovalView(approval.id(), approval.tenantId(), approval.runId(), approval.goalId(),
                    approval.node(), approval.action(), approval.payload(), approval.reason(),
                    approval.estimatedCost(), approval.state(), approval.decidedBy(), approval.comments(),
                    approval.changes(), approval.deadline(), approval.decidedAt(), approval.version(),
                    approval.createdAt(), approval.updatedAt(), run);
        }).orElse(null);
    }

    @QueryHandler
    public Long handle(FindApprovalVersion query) {
        return approvals.version(query.approvalId());
    }

    @QueryHandler
    public ApprovalPage handle(ListApprovals query) {
        return approvals.list(query);
    }
}
