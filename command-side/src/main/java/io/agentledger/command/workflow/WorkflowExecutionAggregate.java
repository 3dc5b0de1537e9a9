package io.agentledger.command.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.CompleteWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.DecideHumanNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.FailNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.FailWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.PauseExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.ResumeWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.SkipNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StopWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.SucceedNode;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionCompleted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionPaused;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionResumed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStopped;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeSkipped;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeSucceeded;
import io.agentledger.kernel.workflow.WorkflowExecutionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of a workflow. The engine's steps are commands that record each node attempt; a step that
 * comes twice (a retried command, a worker taking over) changes nothing the second time.
 */
@Aggregate
public class WorkflowExecutionAggregate {

    @AggregateIdentifier
    private String executionId;
    private String tenantId;
    private String workflowId;
    private WorkflowExecutionStatus status;
    private String pausedAt;
    /** The attempt each node is in, and whether it ended; failed nodes that will not retry are kept apart. */
    private Map<String, Integer> attempts = new HashMap<>();
    private Map<String, Boolean> attemptEnded = new HashMap<>();
    private Map<String, Boolean> failedForGood = new HashMap<>();

    protected WorkflowExecutionAggregate() {
    }

    @CommandHandler
    public WorkflowExecutionAggregate(StartWorkflowExecution command) {
        apply(new WorkflowExecutionStarted(command.executionId(), command.tenantId(), command.workflowId(),
                command.workflowVersion(), command.startedBy(), command.definition(), command.input(), command.mode(),
                command.triggerType(), command.triggerId()));
    }

    @CommandHandler
    public boolean handle(StartNode command) {
        if (status != WorkflowExecutionStatus.RUNNING || command.attempt() <= attempts.getOrDefault(command.nodeId(), 0)) {
            return false;
        }
        apply(new WorkflowNodeStarted(executionId, tenantId, workflowId, command.nodeId(), command.attempt(),
                command.input()));
        return true;
    }

    @CommandHandler
    public void handle(SucceedNode command) {
        if (open(command.nodeId(), command.attempt())) {
            apply(new WorkflowNodeSucceeded(executionId, tenantId, workflowId, command.nodeId(), command.attempt(),
                    command.output(), command.durationMs()));
        }
    }

    @CommandHandler
    public void handle(FailNode command) {
        if (open(command.nodeId(), command.attempt())) {
            apply(new WorkflowNodeFailed(executionId, tenantId, workflowId, command.nodeId(), command.attempt(),
                    command.error(), command.durationMs(), command.retryAt()));
        }
    }

    @CommandHandler
    public void handle(DecideHumanNode command) {
        int attempt = attempts.getOrDefault(command.nodeId(), 0);
        if (attempt == 0 || !open(command.nodeId(), attempt) || status.ended()) {
            return;
        }
        if (command.approved()) {
            apply(new WorkflowNodeSucceeded(executionId, tenantId, workflowId, command.nodeId(), attempt,
                    command.output(), 0));
        } else {
            apply(new WorkflowNodeFailed(executionId, tenantId, workflowId, command.nodeId(), attempt,
                    command.error(), 0, null));
        }
    }

    @CommandHandler
    public void handle(SkipNode command) {
        if (status == WorkflowExecutionStatus.RUNNING && !attempts.containsKey(command.nodeId())) {
            apply(new WorkflowNodeSkipped(executionId, tenantId, workflowId, command.nodeId(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(PauseExecution command) {
        if (status == WorkflowExecutionStatus.RUNNING) {
            apply(new WorkflowExecutionPaused(executionId, tenantId, workflowId, command.nodeId(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CompleteWorkflowExecution command) {
        if (status == WorkflowExecutionStatus.RUNNING) {
            apply(new WorkflowExecutionCompleted(executionId, tenantId, workflowId, command.output(),
                    command.durationMs()));
        }
    }

    @CommandHandler
    public void handle(FailWorkflowExecution command) {
        if (status == WorkflowExecutionStatus.RUNNING) {
            apply(new WorkflowExecutionFailed(executionId, tenantId, workflowId, command.error(), command.nodeId(),
                    command.durationMs()));
        }
    }

    @CommandHandler
    public void handle(StopWorkflowExecution command) {
        requireTenant(command.tenantId());
        if (status.ended()) {
            throw DomainException.badRequest("Execution " + executionId + " is " + status.name().toLowerCase()
                    + " and cannot be stopped");
        }
        apply(new WorkflowExecutionStopped(executionId, tenantId, workflowId, command.stoppedBy()));
    }

    @CommandHandler
    public void handle(ResumeWorkflowExecution command) {
        requireTenant(command.tenantId());
        if (status == WorkflowExecutionStatus.PAUSED) {
            apply(new WorkflowExecutionResumed(executionId, tenantId, workflowId, command.resumedBy(), pausedAt,
                    List.of()));
        } else if (status == WorkflowExecutionStatus.FAILED) {
            List<String> retry = failedForGood.keySet().stream().sorted().toList();
            apply(new WorkflowExecutionResumed(executionId, tenantId, workflowId, command.resumedBy(), null, retry));
        } else {
            throw DomainException.badRequest("Execution " + executionId + " is " + status.name().toLowerCase()
                    + ": only a paused or failed execution resumes");
        }
    }

    private boolean open(String nodeId, int attempt) {
        return attempts.getOrDefault(nodeId, 0) == attempt && !attemptEnded.getOrDefault(nodeId, true);
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
    }

    @EventSourcingHandler
    void on(WorkflowExecutionStarted event) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        workflowId = event.workflowId();
        status = WorkflowExecutionStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(WorkflowNodeStarted event) {
        attempts.put(event.nodeId(), event.attempt());
        attemptEnded.put(event.nodeId(), false);
    }

    @EventSourcingHandler
    void on(WorkflowNodeSucceeded event) {
        attemptEnded.put(event.nodeId(), true);
    }

    @EventSourcingHandler
    void on(WorkflowNodeFailed event) {
        attemptEnded.put(event.nodeId(), true);
        if (event.retryAt() == null) {
            failedForGood.put(event.nodeId(), true);
        }
    }

    @EventSourcingHandler
    void on(WorkflowExecutionPaused event) {
        status = WorkflowExecutionStatus.PAUSED;
        pausedAt = event.nodeId();
    }

    @EventSourcingHandler
    void on(WorkflowExecutionResumed event) {
        status = WorkflowExecutionStatus.RUNNING;
        pausedAt = null;
        event.retryNodes().forEach(failedForGood::remove);
    }

    @EventSourcingHandler
    void on(WorkflowExecutionCompleted event) {
        status = WorkflowExecutionStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(WorkflowExecutionFailed event) {
        status = WorkflowExecutionStatus.FAILED;
    }

    @EventSourcingHandler
    void on(WorkflowExecutionStopped event) {
        status = WorkflowExecutionStatus.STOPPED;
    }
}
