package io.agentledger.projection.user;

import io.agentledger.kernel.session.SessionEvent.SessionStarted;
import io.agentledger.kernel.user.UserEvent.UserDeactivated;
import io.agentledger.kernel.user.UserEvent.UserPreferencesChanged;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import io.agentledger.kernel.user.UserEvent.UserRoleChanged;
import io.agentledger.kernel.user.UserQueries.FindUserVersion;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class UserDirectoryProjection {

    public static final String GROUP = "user-directory";

    private final UserViewRepository users;
    private final VersionAnnouncer versions;

    public UserDirectoryProjection(UserViewRepository users, VersionAnnouncer versions) {
        this.users = users;
        this.versions = versions;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        users.insert(event, version, at);
        announce(event.userId(), version);
    }

    @EventHandler
    void on(UserRoleChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        users.setRole(event.userId(), event.role(), version, at);
        announce(event.userId(), version);
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long version, @Timestamp Instant at) {
        users.deactivate(event.userId(), version, at);
        announce(event.userId(), version);
    }

    @EventHandler
    void on(UserPreferencesChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        users.mergeSettings(event.userId(), event.preferences(), version, at);
        announce(event.userId(), version);
    }

    @EventHandler
    void on(SessionStarted event, @Timestamp Instant at) {
        users.recordLogin(event.userId(), at);
    }

    @ResetHandler
    void reset() {
        users.deleteAll();
    }

    private void announce(String userId, long version) {
        versions.announce(FindUserVersion.class, FindUserVersion::userId, userId, version);
    }
}
