package io.agentledger.command.approval;

import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.approval.ApprovalCommands.DecideApproval;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.approval.ApprovalQueries.FindApproval;
import io.agentledger.kernel.approval.ApprovalQueries.FindApprovalVersion;
import io.agentledger.kernel.approval.ApprovalView;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Deciding an approval: approve runs the action as requested, edit runs it with the given payload,
 * reject skips the action and the run goes on without it.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@PreAuthorize("hasAuthority('write:approvals')")
public class ApprovalCommandController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;

    public ApprovalCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
    }

    @PostMapping("/{approvalId}")
    public ApprovalView decide(@PathVariable String approvalId, @Valid @RequestBody DecisionRequest body,
                               @AuthenticationPrincipal Caller caller) {
        long version = commands.sendAndWait(new DecideApproval(approvalId, caller.tenantId(), body.decision(),
                body.comments(), body.payload(), caller.userId()));
        readModel.awaitVersion(new FindApprovalVersion(approvalId), version);
        return queries.query(new FindApproval(approvalId, caller.tenantId()), ApprovalView.class).join();
    }

    public record DecisionRequest(@NotNull ApprovalDecision decision, @Size(max = 2000) String comments,
                                  @Size(max = 100) Map<String, Object> payload) {
    }
}
