package io.agentledger.kernel.platform;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class PlatformCommands {

    /** The one platform of an installation. */
    public static final String PLATFORM_ID = "platform";

    private PlatformCommands() {
    }

    /** The first account of an installation with no configured platform admins becomes its owner. */
    public record ClaimPlatformOwnership(@TargetAggregateIdentifier String platformId, String userId,
                                         String tenantId) {
    }
}
