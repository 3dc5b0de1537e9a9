package io.agentledger.query.approval;

import io.agentledger.kernel.approval.ApprovalPage;
import io.agentledger.kernel.approval.ApprovalQueries.FindApproval;
import io.agentledger.kernel.approval.ApprovalQueries.ListApprovals;
import io.agentledger.kernel.approval.ApprovalState;
import io.agentledger.kernel.approval.ApprovalView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.history.PastStates;
import io.agentledger.query.history.PointInTime;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/approvals")
@PreAuthorize("hasAuthority('read:approvals')")
public class ApprovalQueryController {

    private final QueryGateway queries;
    private final ApprovalQueryHandler approvals;
    private final PastStates past;

    public ApprovalQueryController(QueryGateway queries, ApprovalQueryHandler approvals, PastStates past) {
        this.queries = queries;
        this.approvals = approvals;
        this.past = past;
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
    public ApprovalView get(@PathVariable String approvalId,
                            @RequestParam(name = "as_of", required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                            @RequestParam(required = false) Long version,
                            @AuthenticationPrincipal Caller caller) {
        PointInTime point = PointInTime.of(asOf, version);
        if (point != null) {
            return past.at(approvalId, point, () -> approvals.handle(new FindApproval(approvalId, caller.tenantId())))
                    .orElseThrow(() -> DomainException.notFound("Approval " + approvalId + " " + point.absence()));
        }
        ApprovalView approval = queries.query(new FindApproval(approvalId, caller.tenantId()), ApprovalView.class)
                .join();
        if (approval == null) {
            throw DomainException.notFound("Approval " + approvalId + " not found");
        }
        return approval;
    }
}
