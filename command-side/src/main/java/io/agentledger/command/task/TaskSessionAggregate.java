package io.agentledger.command.task;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.task.TaskCommands.DeleteTaskSession;
import io.agentledger.kernel.task.TaskCommands.OpenTaskSession;
import io.agentledger.kernel.task.TaskSessionEvent.TaskSessionDeleted;
import io.agentledger.kernel.task.TaskSessionEvent.TaskSessionOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** A seed 002 session: a named workspace of one tenant, until it is deleted. */
@Aggregate
public class TaskSessionAggregate {

    @AggregateIdentifier
    private String sessionId;
    private String tenantId;
    private boolean deleted;

    protected TaskSessionAggregate() {
    }

    @CommandHandler
    public TaskSessionAggregate(OpenTaskSession command) {
        apply(new TaskSessionOpened(command.sessionId(), command.tenantId(), command.openedBy(), command.name(),
                command.workingDirectory()));
    }

    @CommandHandler
    public long handle(DeleteTaskSession command) {
        if (deleted || !tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Session " + sessionId + " not found");
        }
        apply(new TaskSessionDeleted(sessionId, tenantId, command.deletedBy()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(TaskSessionOpened event) {
        sessionId = event.sessionId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(TaskSessionDeleted event) {
        deleted = true;
    }
}
