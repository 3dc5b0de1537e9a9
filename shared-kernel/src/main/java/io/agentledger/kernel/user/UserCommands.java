package io.agentledger.kernel.user;

import io.agentledger.kernel.identity.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public final class UserCommands {

    private UserCommands() {
    }

    /** {@code invitationId} is set when the user joins a tenant by invitation, null when they founded it. */
    public record RegisterUser(@TargetAggregateIdentifier String userId, String tenantId, String email,
                               String username, String fullName, Role role, String invitationId) {
    }

    public record ChangeUserRole(@TargetAggregateIdentifier String userId, String tenantId, Role role,
                                 String changedBy) {
    }

    public record DeactivateUser(@TargetAggregateIdentifier String userId, String tenantId, String deactivatedBy) {
    }

    public record ChangeUserPreferences(@TargetAggregateIdentifier String userId, String tenantId,
                                        Map<String, Object> preferences) {
    }
}
