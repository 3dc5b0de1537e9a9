package io.agentledger.command.system;

import io.agentledger.kernel.platform.PlatformCommands.ClaimPlatformOwnership;
import io.agentledger.kernel.platform.PlatformEvent.PlatformOwnershipClaimed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The installation: who owns it. Created by the first claim; the store refuses a second creation. */
@Aggregate
public class PlatformAggregate {

    @AggregateIdentifier
    private String platformId;

    protected PlatformAggregate() {
    }

    @CommandHandler
    public PlatformAggregate(ClaimPlatformOwnership command) {
        apply(new PlatformOwnershipClaimed(command.platformId(), command.userId(), command.tenantId()));
    }

    @EventSourcingHandler
    void on(PlatformOwnershipClaimed event) {
        platformId = event.platformId();
    }
}
