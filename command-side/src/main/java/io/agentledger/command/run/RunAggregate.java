package io.agentledger.command.run;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.run.RunCommands.CreateRun;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A run of an agent for a goal; executing it through the graph comes with the runs issue. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class RunAggregate {

    @AggregateIdentifier
    private String runId;
    private String tenantId;
    private RunStatus status;

    protected RunAggregate() {
    }

    @CommandHandler
    public RunAggregate(CreateRun command) {
        apply(new RunCreated(command.runId(), command.goalId(), command.tenantId(), command.createdBy(),
                command.graphVersion(), RunStatus.PENDING));
    }

    @EventSourcingHandler
    void on(RunCreated event) {
        runId = event.runId();
        tenantId = event.tenantId();
        status = event.status();
    }
}
