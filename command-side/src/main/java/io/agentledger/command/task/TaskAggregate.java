package io.agentledger.command.task;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.task.TaskCommands.CallTool;
import io.agentledger.kernel.task.TaskCommands.CompleteTask;
import io.agentledger.kernel.task.TaskCommands.CreateTask;
import io.agentledger.kernel.task.TaskCommands.FailTask;
import io.agentledger.kernel.task.TaskCommands.GiveInput;
import io.agentledger.kernel.task.TaskCommands.RecordTurn;
import io.agentledger.kernel.task.TaskCommands.ReturnTool;
import io.agentledger.kernel.task.TaskCommands.StartTask;
import io.agentledger.kernel.task.TaskCommands.StopTask;
import io.agentledger.kernel.task.TaskCommands.StoredArtifact;
import io.agentledger.kernel.task.TaskCommands.TaskStart;
import io.agentledger.kernel.task.TaskEvent.TaskArtifactStored;
import io.agentledger.kernel.task.TaskEvent.TaskCompleted;
import io.agentledger.kernel.task.TaskEvent.TaskCreated;
import io.agentledger.kernel.task.TaskEvent.TaskFailed;
import io.agentledger.kernel.task.TaskEvent.TaskInputGiven;
import io.agentledger.kernel.task.TaskEvent.TaskPlanned;
import io.agentledger.kernel.task.TaskEvent.TaskStarted;
import io.agentledger.kernel.task.TaskEvent.TaskStopped;
import io.agentledger.kernel.task.TaskEvent.TaskToolCalled;
import io.agentledger.kernel.task.TaskEvent.TaskToolReturned;
import io.agentledger.kernel.task.TaskEvent.TaskTurnTaken;
import io.agentledger.kernel.task.TaskStatus;
import io.agentledger.kernel.task.TaskStep;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A task runs at most once: one that started and lost its worker is failed, never run again (its
 * commands may have had effects). Work reported after it ended (stopped meanwhile) is not recorded.
 */
@Aggregate
public class TaskAggregate {

    @AggregateIdentifier
    private String taskId;
    private String tenantId;
    private TaskStatus status;
    private boolean started;
    private int iterations;
    private List<TaskStep> plan = List.of();
    private String openCall;

    protected TaskAggregate() {
    }

    @CommandHandler
    public TaskAggregate(CreateTask command) {
        apply(new TaskCreated(command.taskId(), command.tenantId(), command.sessionId(), command.createdBy(),
                command.description(), command.model(), command.provider()));
    }

    @CommandHandler
    public TaskStart handle(StartTask command) {
        if (status.ended()) {
            return TaskStart.ENDED;
        }
        if (started) {
            apply(new TaskFailed(taskId, tenantId, "the service stopped while the task ran; it is not run again",
                    "INTERRUPTED"));
            return TaskStart.INTERRUPTED;
        }
        apply(new TaskStarted(taskId, tenantId, command.worker()));
        return TaskStart.RUN;
    }

    @CommandHandler
    public TaskStatus handle(RecordTurn command) {
        if (status == TaskStatus.RUNNING) {
            if (command.plan() != null && !command.plan().equals(plan)) {
                apply(new TaskPlanned(taskId, tenantId, List.copyOf(command.plan())));
            }
            apply(new TaskTurnTaken(taskId, tenantId, iterations + 1, command.text(), command.provider(),
                    command.model(), command.inputTokens(), command.outputTokens()));
        }
        return status;
    }

    @CommandHandler
    public TaskStatus handle(CallTool command) {
        if (status == TaskStatus.RUNNING) {
            apply(new TaskToolCalled(taskId, tenantId, command.stepId(), command.tool(), command.input()));
        }
        return status;
    }

    @CommandHandler
    public TaskStatus handle(ReturnTool command) {
        if (command.stepId().equals(openCall)) {
            apply(new TaskToolReturned(taskId, tenantId, command.stepId(), command.tool(), command.output(),
                    command.success(), command.durationMs()));
            if (command.artifact() != null) {
                stored(command.stepId(), command.artifact());
            }
        }
        return status;
    }

    @CommandHandler
    public void handle(CompleteTask command) {
        if (status == TaskStatus.RUNNING) {
            if (command.plan() != null) {
                stored(null, command.plan());
            }
            apply(new TaskCompleted(taskId, tenantId, command.summary(), iterations));
        }
    }

    @CommandHandler
    public void handle(FailTask command) {
        if (status == TaskStatus.RUNNING) {
            apply(new TaskFailed(taskId, tenantId, command.error(), command.code()));
        }
    }

    @CommandHandler
    public long handle(GiveInput command) {
        requireTenant(command.tenantId());
        if (status.ended()) {
            throw DomainException.conflict("Task " + taskId + " has already ended (" + status.wireName() + ")");
        }
        apply(new TaskInputGiven(taskId, tenantId, command.content(), command.givenBy()));
        return getVersion();
    }

    @CommandHandler
    public long handle(StopTask command) {
        requireTenant(command.tenantId());
        if (status.ended()) {
            throw DomainException.conflict("Task " + taskId + " has already ended (" + status.wireName() + ")");
        }
        apply(new TaskStopped(taskId, tenantId, command.stoppedBy()));
        return getVersion();
    }

    private void stored(String stepId, StoredArtifact artifact) {
        apply(new TaskArtifactStored(taskId, tenantId, artifact.artifactId(), stepId, artifact.name(),
                artifact.type(), artifact.contentType(), artifact.size(), artifact.sha256()));
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Task " + taskId + " not found");
        }
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
        tenantId = event.tenantId();
        status = TaskStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(TaskStarted event) {
        started = true;
    }

    @EventSourcingHandler
    void on(TaskPlanned event) {
        plan = event.steps();
    }

    @EventSourcingHandler
    void on(TaskTurnTaken event) {
        iterations = event.iteration();
    }

    @EventSourcingHandler
    void on(TaskToolCalled event) {
        openCall = event.stepId();
    }

    @EventSourcingHandler
    void on(TaskToolReturned event) {
        openCall = null;
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        status = TaskStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(TaskFailed event) {
        status = TaskStatus.FAILED;
    }

    @EventSourcingHandler
    void on(TaskStopped event) {
        status = TaskStatus.STOPPED;
    }
}
