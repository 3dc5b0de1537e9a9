package io.agentledger.kernel.platform;

import org.axonframework.serialization.Revision;

public sealed interface PlatformEvent permits PlatformEvent.PlatformOwnershipClaimed {

    String platformId();

    /** {@code tenantId}: the owner's own tenant; the ownership itself reaches over every tenant. */
    @Revision("1")
    record PlatformOwnershipClaimed(String platformId, String userId, String tenantId) implements PlatformEvent {
    }
}
