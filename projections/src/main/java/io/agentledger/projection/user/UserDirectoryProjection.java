package io.agentledger.projection.user;

import io.agentledger.kernel.session.SessionEvent.SessionStarted;
import io.agentledger.kernel.user.UserEvent.UserDeactivated;
import io.agentledger.kernel.user.UserEvent.UserPreferencesChanged;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import io.agentledger.kernel.user.UserEvent.UserRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class UserDirectoryProjection {

    public static final String GROUP = "user-directory";

    private final UserViewRepository users;

    public UserDirectoryProjection(UserViewRepository users) {
        this.users = users;
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant at) {
        users.insert(event, at);
    }

    @EventHandler
    void on(UserRoleChanged event, @Timestamp Instant at) {
        users.setRole(event.userId(), event.role(), at);
    }

    @EventHandler
    void on(UserDeactivated event, @Timestamp Instant at) {
        users.deactivate(event.userId(), at);
    }

    @EventHandler
    void on(UserPreferencesChanged event, @Timestamp Instant at) {
        users.mergeSettings(event.userId(), event.preferences(), at);
    }

    @EventHandler
    void on(SessionStarted event, @Timestamp Instant at) {
        users.recordLogin(event.userId(), at);
    }

    @ResetHandler
    void reset() {
        users.deleteAll();
    }
}
