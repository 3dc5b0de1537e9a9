package io.agentledger.kernel.user;

import io.agentledger.kernel.identity.Role;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record UserView(String id, String tenantId, String email, String username, String fullName, Role role,
                       List<String> permissions, Map<String, Object> settings, boolean isActive,
                       boolean isVerified, Instant lastLogin, Instant createdAt, Instant updatedAt) {
}
