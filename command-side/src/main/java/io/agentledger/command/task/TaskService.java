package io.agentledger.command.task;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.task.TaskCommands.GiveInput;
import io.agentledger.kernel.task.TaskCommands.StopTask;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;

/** What callers do to a task, from REST or from its live socket. */
@Component
public class TaskService {

    static final int MAX_INPUT = 20_000;

    private final CommandGateway commands;

    public TaskService(CommandGateway commands) {
        this.commands = commands;
    }

    @SuppressWarnings("unchecked")
    <R> R send(Object command) {
        return (R) commands.sendAndWait(command);
    }

    /** @return the task's version after the stop; 404 when it is not the caller's tenant's, 409 when it ended */
    public long stop(String taskId, Caller caller) {
        return send(new StopTask(taskId, caller.tenantId(), caller.userId()), caller);
    }

    /** With the caller in the metadata: also when it comes from a socket rather than an HTTP request. */
    @SuppressWarnings("unchecked")
    private <R> R send(Object command, Caller caller) {
        return (R) commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetadata.USER_ID, caller.userId(), AuditMetadata.TENANT_ID, caller.tenantId())));
    }

    void stopQuietly(StopTask stop) {
        try {
            send(stop);
        } catch (DomainException alreadyEnded) {
            // ended meanwhile: nothing to stop
        }
    }

    /** Input the task's runtime reads on its next turn. */
    public long giveInput(String taskId, String content, Caller caller) {
        if (content == null || content.isBlank() || content.length() > MAX_INPUT) {
            throw DomainException.invalid("content must be 1 to " + MAX_INPUT + " characters");
        }
        return send(new GiveInput(taskId, caller.tenantId(), content, caller.userId()), caller);
    }
}
