package io.agentledger.kernel.approval;

import io.agentledger.kernel.page.PageSpec;

public final class ApprovalQueries {

    private ApprovalQueries() {
    }

    public record FindApproval(String approvalId, String tenantId) {
    }

    public record FindApprovalVersion(String approvalId) {
    }

    public record ListApprovals(String tenantId, ApprovalState state, String runId, PageSpec pageSpec) {
    }
}
