package io.agentledger.kernel.tenant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class TenantCommands {

    private TenantCommands() {
    }

    public record CreateTenant(@TargetAggregateIdentifier String tenantId, String name, String ownerUserId) {
    }
}
