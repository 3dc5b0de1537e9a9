package io.agentledger.query.approval;

import io.agentledger.kernel.approval.ApprovalPage;
import io.agentledger.kernel.approval.ApprovalQueries.FindApproval;
import io.agentledger.kernel.approval.ApprovalQueries.ListApprovals;
import io.agentledger.kernel.approval.ApprovalState;
import io.agentledger.kernel.approval.ApprovalView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@PreAuthorize("hasAuthority('read:approvals')")
public class ApprovalQueryController {

    private final QueryGateway queries;

    public ApprovalQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public ApprovalPage list(@RequestParam(required = false) ApprovalState state,
                             @RequestParam(name = "run_id", required = false) String runId,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size,
                             @AuthenticationPrincipal Caller caller) {
        return queries.query(new ListApprovals(caller.tenantId(), state,
                runId == null || runId.isBlank() ? null : runId, PageParams.of(page, size)), ApprovalPage.class)
                .join();
    }

    @GetMapping("/{approvalId}")
    public ApprovalView get(@PathVariable String approvalId, @AuthenticationPrincipal Caller caller) {
        ApprovalView approval = queries.query(new FindApproval(approvalId, caller.tenantId()), ApprovalView.class)
                .join();
        if (approval == null) {
            throw DomainException.notFound("Approval " + approvalId + " not found");
        }
        return approval;
    }
}
