package io.agentledger.kernel.tenant;

import org.axonframework.serialization.Revision;

public sealed interface TenantEvent permits TenantEvent.TenantCreated {

    String tenantId();

    @Revision("1")
    record TenantCreated(String tenantId, String name, String ownerUserId) implements TenantEvent {
    }
}
