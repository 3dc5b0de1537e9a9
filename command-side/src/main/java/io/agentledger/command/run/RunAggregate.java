package io.agentledger.command.run;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.run.RunCommands.CancelRun;
import io.agentledger.kernel.run.RunCommands.CreateRun;
import io.agentledger.kernel.run.RunCommands.PauseRun;
import io.agentledger.kernel.run.RunCommands.ResumeRun;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.RunResumed;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A run of an agent for a goal. Lifecycle commands answer the run's new version so the caller can
 * wait until it is visible; a command that makes no sense in the current state is refused with it.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class RunAggregate {

    static final String PAUSED_BY_USER = "user";
    static final String PAUSED_FOR_APPROVAL = "approval";
    private static final EnumSet<RunStatus> TERMINAL =
            EnumSet.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED);

    @AggregateIdentifier
    private String runId;
    private String tenantId;
    private String goalId;
    private RunStatus status;
    private String currentNode;
    private String pausedReason;
    private RunStatus statusBeforePause;

    protected RunAggregate() {
    }

    @CommandHandler
    public RunAggregate(CreateRun command) {
        apply(new RunCreated(command.runId(), command.goalId(), command.tenantId(), command.createdBy(),
                command.graphVersion(), RunStatus.PENDING));
    }

    @CommandHandler
    public long handle(PauseRun command) {
        requireTenant(command.tenantId());
        if (status != RunStatus.RUNNING && status != RunStatus.PENDING) {
            throw refused("paused");
        }
        apply(new RunPaused(runId, tenantId, PAUSED_BY_USER, currentNode, command.pausedBy()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ResumeRun command) {
        requireTenant(command.tenantId());
        if (status != RunStatus.PAUSED) {
            throw refused("resumed");
        }
        if (PAUSED_FOR_APPROVAL.equals(pausedReason)) {
            throw DomainException.conflict("Run " + runId + " is waiting for an approval at " + currentNode
                    + "; decide the approval to continue it");
        }
        apply(new RunResumed(runId, tenantId, command.resumedBy(), statusBeforePause));
        return getVersion();
    }

    @CommandHandler
    public long handle(CancelRun command) {
        requireTenant(command.tenantId());
        if (TERMINAL.contains(status)) {
            throw refused("cancelled");
        }
        apply(new RunCancelled(runId, tenantId, goalId, command.cancelledBy()));
        return getVersion();
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Run " + runId + " not found");
        }
    }

    private DomainException refused(String action) {
        String state = status.name().toLowerCase();
        return DomainException.conflict("Run " + runId + " is " + state + " and cannot be " + action
                + " (current status: " + state + ")");
    }

    @EventSourcingHandler
    void on(RunCreated event) {
        runId = event.runId();
        tenantId = event.tenantId();
        goalId = event.goalId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(RunStarted event) {
        status = RunStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(RunPaused event) {
        statusBeforePause = status;
        status = RunStatus.PAUSED;
        pausedReason = event.reason();
    }

    @EventSourcingHandler
    void on(RunResumed event) {
        status = event.status();
        pausedReason = null;
    }

    @EventSourcingHandler
    void on(RunCompleted event) {
        status = RunStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(RunFailed event) {
        status = RunStatus.FAILED;
    }

    @EventSourcingHandler
    void on(RunCancelled event) {
        status = RunStatus.CANCELLED;
    }
}
