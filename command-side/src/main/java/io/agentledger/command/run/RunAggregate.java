package io.agentledger.command.run;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.run.RunCommands.BeginRun;
import io.agentledger.kernel.run.RunCommands.CancelRun;
import io.agentledger.kernel.run.RunCommands.CompleteRun;
import io.agentledger.kernel.run.RunCommands.FailRun;
import io.agentledger.kernel.run.RunCommands.GateStep;
import io.agentledger.kernel.run.RunCommands.RecordCost;
import io.agentledger.kernel.run.RunCommands.RecordNodeResult;
import io.agentledger.kernel.run.RunCommands.RecordStep;
import io.agentledger.kernel.run.RunCommands.ResolveStepApproval;
import io.agentledger.kernel.run.RunCommands.StartNode;
import io.agentledger.kernel.run.RunCommands.ProvideInput;
import io.agentledger.kernel.run.RunCommands.RecordToolCall;
import io.agentledger.kernel.run.RunEvent.InputProvided;
import io.agentledger.kernel.run.RunEvent.ToolCalled;
import io.agentledger.kernel.run.RunEvent.ArtifactProduced;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.CostRecorded;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.NodeFailed;
import io.agentledger.kernel.run.RunEvent.NodeStarted;
import io.agentledger.kernel.run.RunEvent.StepApprovalResolved;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunEvent.StepGated;
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
import java.util.HashSet;
import java.util.Set;

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
    static final String EXECUTOR = "executor";
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
    private final Set<String> startedNodes = new HashSet<>();
    private final Set<String> completedNodes = new HashSet<>();
    private final Set<Integer> stepsDone = new HashSet<>();
    private String pendingApprovalId;
    private int pendingApprovalTask;

    protected RunAggregate() {
    }

    @CommandHandler
    public RunAggregate(CreateRun command) {
        apply(new RunCreated(command.runId(), command.goalId(), command.tenantId(), command.createdBy(),
                command.graphVersion(), RunStatus.PENDING, command.goalText(), command.autonomyLevel()));
    }

    // The engine's commands. Repeating one that already took effect changes nothing, so an engine
    // that restarts in the middle of a step can simply do the step again.

    @CommandHandler
    public void handle(BeginRun command) {
        if (status == RunStatus.PENDING) {
            apply(new RunStarted(runId, tenantId, goalId));
        }
    }

    @CommandHandler
    public void handle(StartNode command) {
        requireRunning();
        if (!startedNodes.contains(command.node())) {
            apply(new NodeStarted(runId, tenantId, command.node()));
        }
    }

    @CommandHandler
    public void handle(RecordNodeResult command) {
        requireRunning();
        if (!completedNodes.contains(command.node())) {
            apply(new CheckpointRecorded(runId, tenantId, command.node(), "completed", command.result()));
            apply(new NodeCompleted(runId, tenantId, command.node()));
        }
    }

    @CommandHandler
    public void handle(RecordCost command) {
        requireRunning();
        apply(new CostRecorded(runId, tenantId, command.node(), command.provider(), command.model(),
                command.inputTokens(), command.outputTokens(), command.apiCalls(), command.cost(),
                command.executionMillis()));
    }

    @CommandHandler
    public void handle(RecordStep command) {
        requireRunning();
        if (!stepsDone.contains(command.taskIndex())) {
            apply(new StepCompleted(runId, tenantId, command.taskIndex(), command.taskId(), command.tool(),
                    command.stepKey(), command.outcome(), command.output()));
        }
    }

    @CommandHandler
    public void handle(GateStep command) {
        requireRunning();
        apply(new StepGated(runId, tenantId, command.taskIndex(), command.approvalId()));
        apply(new RunPaused(runId, tenantId, PAUSED_FOR_APPROVAL, EXECUTOR, null));
    }

    @CommandHandler
    public void handle(ResolveStepApproval command) {
        if (status != RunStatus.PAUSED || !command.approvalId().equals(pendingApprovalId)) {
            return;
        }
        apply(new StepApprovalResolved(runId, tenantId, pendingApprovalTask, command.approvalId(),
                command.decision(), command.payload()));
        apply(new RunResumed(runId, tenantId, command.decidedBy(), RunStatus.RUNNING));
    }

    @CommandHandler
    public void handle(CompleteRun command) {
        requireRunning();
        command.artifacts().forEach((name, value) -> apply(new ArtifactProduced(runId, tenantId, name, value)));
        apply(new RunCompleted(runId, tenantId, goalId, command.summary()));
    }

    @CommandHandler
    public void handle(FailRun command) {
        if (TERMINAL.contains(status)) {
            return;
        }
        if (command.node() != null) {
            apply(new NodeFailed(runId, tenantId, command.node(), command.errorMessage()));
        }
        apply(new RunFailed(runId, tenantId, goalId, command.node(), command.errorMessage()));
    }

    private void requireRunning() {
        if (status != RunStatus.RUNNING) {
            throw refused("advanced");
        }
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
    public void handle(RecordToolCall command) {
        requireRunning();
        apply(new ToolCalled(runId, tenantId, command.taskIndex(), command.taskId(), command.tool(), command.input()));
    }

    @CommandHandler
    public long handle(ProvideInput command) {
        requireTenant(command.tenantId());
        if (status != RunStatus.PAUSED) {
            String state = status.name().toLowerCase();
            throw DomainException.conflict("Run " + runId + " is " + state
                    + " and not waiting for input; input is taken while a run is paused");
        }
        apply(new InputProvided(runId, tenantId, command.content(), command.providedBy()));
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
    void on(NodeStarted event) {
        startedNodes.add(event.node());
        currentNode = event.node();
    }

    @EventSourcingHandler
    void on(NodeCompleted event) {
        completedNodes.add(event.node());
    }

    @EventSourcingHandler
    void on(StepCompleted event) {
        stepsDone.add(event.taskIndex());
    }

    @EventSourcingHandler
    void on(StepGated event) {
        pendingApprovalId = event.approvalId();
        pendingApprovalTask = event.taskIndex();
    }

    @EventSourcingHandler
    void on(StepApprovalResolved event) {
        pendingApprovalId = null;
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
