package io.agentledger.command.workflow;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.WorkflowCommands.CreateWorkflow;
import io.agentledger.kernel.workflow.WorkflowCommands.DeleteWorkflow;
import io.agentledger.kernel.workflow.WorkflowCommands.ReviseWorkflow;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowCreated;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowDeleted;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowRevised;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A workflow: each save of its definition is a new version; executions copy the version they run. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class WorkflowAggregate {

    @AggregateIdentifier
    private String workflowId;
    private String tenantId;

    protected WorkflowAggregate() {
    }

    @CommandHandler
    public WorkflowAggregate(CreateWorkflow command) {
        WorkflowShape.check(command.name(), command.definition());
        apply(new WorkflowCreated(command.workflowId(), command.tenantId(), command.createdBy(), command.name().strip(),
                command.description(), command.definition(), command.isActive()));
    }

    @CommandHandler
    public long handle(ReviseWorkflow command) {
        requireTenant(command.tenantId());
        if (command.name() == null && command.description() == null && command.definition() == null
                && command.isActive() == null) {
            throw DomainException.invalid("The update changes nothing");
        }
        if (command.name() != null || command.definition() != null) {
            WorkflowShape.check(command.name() == null ? "unchanged" : command.name(), command.definition());
        }
        apply(new WorkflowRevised(workflowId, tenantId, command.revisedBy(),
                command.name() == null ? null : command.name().strip(), command.description(), command.definition(),
                command.isActive()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteWorkflow command) {
        requireTenant(command.tenantId());
        apply(new WorkflowDeleted(workflowId, tenantId, command.deletedBy()));
        return getVersion();
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Workflow " + workflowId + " not found");
        }
    }

    @EventSourcingHandler
    void on(WorkflowCreated event) {
        workflowId = event.workflowId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(WorkflowDeleted event) {
        markDeleted();
    }
}
