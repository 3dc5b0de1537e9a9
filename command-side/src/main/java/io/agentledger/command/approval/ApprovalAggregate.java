package io.agentledger.command.approval;

import io.agentledger.kernel.approval.ApprovalCommands.DecideApproval;
import io.agentledger.kernel.approval.ApprovalCommands.RequestApproval;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;
import io.agentledger.kernel.approval.ApprovalState;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** A human gate before one action of a run: decided once, or expired at its deadline. */
@Aggregate
public class ApprovalAggregate {

    static final String EXPIRY = "approval-expiry";

    @AggregateIdentifier
    private String approvalId;
    private String runId;
    private String tenantId;
    private Map<String, Object> payload;
    private Instant deadline;
    private ApprovalState state;

    protected ApprovalAggregate() {
    }

    @CommandHandler
    public ApprovalAggregate(RequestApproval command, DeadlineManager deadlines) {
        apply(new ApprovalRequested(command.approvalId(), command.runId(), command.goalId(), command.tenantId(),
                command.node(), command.stepKey(), command.action(), command.payload(), command.reason(),
                command.estimatedCost(), command.deadline()));
        deadlines.schedule(command.deadline(), EXPIRY);
    }

    @CommandHandler
    public long handle(DecideApproval command, DeadlineManager deadlines) {
        if (!tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Approval " + approvalId + " not found");
        }
        if (state != ApprovalState.PENDING) {
            throw DomainException.conflict("Approval " + approvalId + " is already " + state.name().toLowerCase());
        }
        boolean edit = command.decision() == ApprovalDecision.EDIT;
        if (edit && (command.payload() == null || command.payload().isEmpty())) {
            throw DomainException.invalid("An edit needs the edited payload");
        }
        if (!edit && command.payload() != null) {
            throw DomainException.invalid("A payload goes only with the edit decision");
        }
        Map<String, Object> finalPayload = edit ? command.payload() : payload;
        apply(new ApprovalDecided(approvalId, runId, tenantId, command.decision(), command.decidedBy(),
                command.comments(), finalPayload, edit ? changes(payload, finalPayload) : Map.of()));
        deadlines.cancelAllWithinScope(EXPIRY);
        return getVersion();
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (state == ApprovalState.PENDING) {
            apply(new ApprovalExpired(approvalId, runId, tenantId, deadline));
        }
    }

    /** Each key whose value differs, with {@code before} and {@code after}. */
    static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", before.get(key));
                change.put("after", after.get(key));
                changes.put(key, change);
            }
        }
        return changes;
    }

    @EventSourcingHandler
    void on(ApprovalRequested event) {
        approvalId = event.approvalId();
        runId = event.runId();
        tenantId = event.tenantId();
        payload = event.payload();
        deadline = event.deadline();
        state = ApprovalState.PENDING;
    }

    @EventSourcingHandler
    void on(ApprovalDecided event) {
        state = ApprovalState.after(event.decision());
    }

    @EventSourcingHandler
    void on(ApprovalExpired event) {
        state = ApprovalState.EXPIRED;
    }
}
