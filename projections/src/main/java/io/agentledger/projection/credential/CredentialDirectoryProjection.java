package io.agentledger.projection.credential;

import io.agentledger.kernel.credential.CredentialEvent.CredentialChanged;
import io.agentledger.kernel.credential.CredentialEvent.CredentialDeleted;
import io.agentledger.kernel.credential.CredentialEvent.CredentialRevealed;
import io.agentledger.kernel.credential.CredentialEvent.CredentialStored;
import io.agentledger.kernel.credential.CredentialEvent.CredentialUsed;
import io.agentledger.kernel.credential.CredentialQueries.FindCredentialVersion;
import io.agentledger.projection.support.VersionAnnouncer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(CredentialDirectoryProjection.GROUP)
public class CredentialDirectoryProjection {

    public static final String GROUP = "credential-directory";

    private final CredentialViewRepository credentials;
    private final VersionAnnouncer versions;

    public CredentialDirectoryProjection(CredentialViewRepository credentials, VersionAnnouncer versions) {
        this.credentials = credentials;
        this.versions = versions;
    }

    @EventHandler
    void on(CredentialStored event, @SequenceNumber long version, @Timestamp Instant at) {
        credentials.insert(event, version, at);
        announce(event.credentialId(), version);
    }

    @EventHandler
    void on(CredentialChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        credentials.change(event, version, at);
        announce(event.credentialId(), version);
    }

    @EventHandler
    void on(CredentialUsed event, @SequenceNumber long version, @Timestamp Instant at) {
        credentials.used(event.credentialId(), version, at);
        announce(event.credentialId(), version);
    }

    @EventHandler
    void on(CredentialRevealed event, @SequenceNumber long version) {
        credentials.touch(event.credentialId(), version);
        announce(event.credentialId(), version);
    }

    @EventHandler
    void on(CredentialDeleted event, @SequenceNumber long version, @Timestamp Instant at) {
        credentials.delete(event.credentialId(), version, at);
        announce(event.credentialId(), version);
    }

    @ResetHandler
    void reset() {
        credentials.deleteAll();
    }

    private void announce(String credentialId, long version) {
        versions.announce(FindCredentialVersion.class, FindCredentialVersion::credentialId, credentialId, version);
    }
}
