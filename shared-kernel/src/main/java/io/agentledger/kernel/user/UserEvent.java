package io.agentledger.kernel.user;

import io.agentledger.kernel.identity.Role;
import org.axonframework.serialization.Revision;

import java.util.Map;

/** Every event of the User aggregate. None carries a password or a digest of one. */
public sealed interface UserEvent permits UserEvent.UserRegistered, UserEvent.UserRoleChanged,
        UserEvent.UserDeactivated, UserEvent.UserPreferencesChanged {

    String userId();

    String tenantId();

    @Revision("1")
    record UserRegistered(String userId, String tenantId, String email, String username, String fullName, Role role,
                          String invitationId) implements UserEvent {
    }

    @Revision("1")
    record UserRoleChanged(String userId, String tenantId, Role previousRole, Role role, String changedBy)
            implements UserEvent {
    }

    @Revision("1")
    record UserDeactivated(String userId, String tenantId, String deactivatedBy) implements UserEvent {
    }

    /** {@code preferences} holds only the keys that changed, with their new values. */
    @Revision("1")
    record UserPreferencesChanged(String userId, String tenantId, Map<String, Object> preferences)
            implements UserEvent {
    }
}
