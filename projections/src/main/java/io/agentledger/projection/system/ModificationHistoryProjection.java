package io.agentledger.projection.system;

import io.agentledger.kernel.system.SystemEvent.SystemModified;
import io.agentledger.kernel.system.SystemQueries.FindConfigVersion;
import io.agentledger.projection.support.VersionAnnouncer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(ModificationHistoryProjection.GROUP)
public class ModificationHistoryProjection {

    public static final String GROUP = "system-modifications";

    private final ModificationViewRepository modifications;
    private final VersionAnnouncer versions;

    public ModificationHistoryProjection(ModificationViewRepository modifications, VersionAnnouncer versions) {
        this.modifications = modifications;
        this.versions = versions;
    }

    @EventHandler
    void on(SystemModified event, @SequenceNumber long version, @Timestamp Instant at) {
        modifications.insert(event, version, at);
        versions.announce(FindConfigVersion.class, FindConfigVersion::tenantId, event.tenantId(), version);
    }

    @ResetHandler
    void reset() {
        modifications.deleteAll();
    }
}
