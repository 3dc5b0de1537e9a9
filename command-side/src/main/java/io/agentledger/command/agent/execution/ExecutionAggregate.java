package io.agentledger.command.agent.execution;

import io.agentledger.kernel.agent.ExecutionCommands.CancelExecution;
import io.agentledger.kernel.agent.ExecutionCommands.CompleteExecution;
import io.agentledger.kernel.agent.ExecutionCommands.ExecutionStart;
import io.agentledger.kernel.agent.ExecutionCommands.FailExecution;
import io.agentledger.kernel.agent.ExecutionCommands.RequestExecution;
import io.agentledger.kernel.agent.ExecutionCommands.Start;
import io.agentledger.kernel.agent.ExecutionCommands.StartExecution;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCancelled;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCompleted;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionFailed;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionRequested;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionStarted;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One run of an agent. An execution runs at most once: one that started and lost its worker is failed. */
@Aggregate
public class ExecutionAggregate {

    @AggregateIdentifier
    private String executionId;
    private String tenantId;
    private String agentId;
    private ExecutionStatus status;
    private String versionId;
    private String entrypoint;
    private Map<String, Object> input;
    private Map<String, Object> command;
    private long timeoutMs;

    protected ExecutionAggregate() {
    }

    @CommandHandler
    public ExecutionAggregate(RequestExecution command) {
        apply(new ExecutionRequested(command.executionId(), command.tenantId(), command.agentId(),
                command.versionId(), command.entrypoint(), command.requestedBy(), command.input(), command.command(),
                command.timeoutMs()));
    }

    @CommandHandler
    public ExecutionStart handle(StartExecution start) {
        if (status == ExecutionStatus.PENDING) {
            apply(new ExecutionStarted(executionId, tenantId, agentId, start.worker()));
            return new ExecutionStart(Start.RUN, versionId, entrypoint, input, command, timeoutMs);
        }
        if (status == ExecutionStatus.RUNNING) {
            apply(new ExecutionFailed(executionId, tenantId, agentId, "the service stopped while the execution "
                    + "ran; it is not run again", false, 0, List.of()));
            return ExecutionStart.not(Start.INTERRUPTED);
        }
        return ExecutionStart.not(Start.ENDED);
    }

    @CommandHandler
    public void handle(CompleteExecution command) {
        if (!status.ended()) {
            apply(new ExecutionCompleted(executionId, tenantId, agentId, command.output(), command.durationMs(),
                    command.log()));
        }
    }

    @CommandHandler
    public void handle(FailExecution command) {
        if (!status.ended()) {
            apply(new ExecutionFailed(executionId, tenantId, agentId, command.error(), command.timedOut(),
                    command.durationMs(), command.log()));
        }
    }

    @CommandHandler
    public ExecutionStatus handle(CancelExecution command) {
        if (!tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
        if (status.ended()) {
            throw DomainException.conflict("Execution " + executionId + " has already ended ("
                    + status.name().toLowerCase() + ")");
        }
        apply(new ExecutionCancelled(executionId, tenantId, agentId, command.cancelledBy(), List.of()));
        return status;
    }

    @EventSourcingHandler
    void on(ExecutionRequested event) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        agentId = event.agentId();
        status = ExecutionStatus.PENDING;
        versionId = event.versionId();
        entrypoint = event.entrypoint();
        input = event.input();
        command = event.command();
        timeoutMs = event.timeoutMs();
    }

    @EventSourcingHandler
    void on(ExecutionStarted event) {
        status = ExecutionStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(ExecutionCompleted event) {
        status = ExecutionStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ExecutionFailed event) {
        status = ExecutionStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ExecutionCancelled event) {
        status = ExecutionStatus.CANCELLED;
    }
}
