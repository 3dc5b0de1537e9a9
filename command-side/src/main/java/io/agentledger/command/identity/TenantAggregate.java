package io.agentledger.command.identity;

import io.agentledger.kernel.tenant.TenantCommands.CreateTenant;
import io.agentledger.kernel.tenant.TenantEvent.TenantCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class TenantAggregate {

    @AggregateIdentifier
    private String tenantId;

    protected TenantAggregate() {
    }

    @CommandHandler
    public TenantAggregate(CreateTenant command) {
        apply(new TenantCreated(command.tenantId(), command.name(), command.ownerUserId()));
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        tenantId = event.tenantId();
    }
}
