package io.agentledger.query.live;

import io.agentledger.kernel.system.SystemCommands;
import io.agentledger.kernel.system.SystemEvent.SystemModified;

import java.util.List;

/** Seed 003's {@code system:architecture_updated}: each applied modification or rollback of the configuration. */
final class SystemMessages {

    private SystemMessages() {
    }

    /** The configuration changes of the tenant and of the platform, which every tenant lives under. */
    static FeedFilter modificationsFor(String tenantId) {
        return new FeedFilter(event -> event.payload() instanceof SystemModified modified
                && (modified.tenantId().equals(tenantId) || SystemCommands.PLATFORM.equals(modified.tenantId())),
                "payload_type = ? AND " + FeedFilter.PAYLOAD + " ->> 'tenant_id' IN (?, ?)",
                List.of(SystemModified.class.getName(), tenantId, SystemCommands.PLATFORM));
    }

    static LiveMessage of(FeedEvent event) {
        if (!(event.payload() instanceof SystemModified)) {
            return null;
        }
        return LiveMessage.of("system:architecture_updated", event, Data.of("scope", event.json().path("tenant_id")
                .asText()).with("changes", List.of(Data.from(event, "modification_id", "type", "description",
                "changes", "impact_assessment", "applied_by", "rolls_back", "reason").map())).map());
    }
}
