package io.agentledger.command.automation;

import io.agentledger.kernel.automation.AutomationCommands.RecordFiring;
import io.agentledger.kernel.automation.AutomationFiringEvent.AutomationFired;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One firing of an automation, named after the automation and its trigger: it can be recorded only once. */
@Aggregate
public class AutomationFiringAggregate {

    @AggregateIdentifier
    private String firingId;

    protected AutomationFiringAggregate() {
    }

    @CommandHandler
    public AutomationFiringAggregate(RecordFiring command) {
        apply(new AutomationFired(command.firingId(), command.tenantId(), command.automationId(),
                command.triggerEventId(), command.triggerEventType(), command.triggerItem(), command.startedType(),
                command.startedId(), command.runId(), command.parameters()));
    }

    @EventSourcingHandler
    void on(AutomationFired event) {
        firingId = event.firingId();
    }
}
