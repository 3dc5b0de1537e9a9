package io.agentledger.kernel.identity;

/**
 * Who is acting: the authenticated user, the tenant they act in, their role, and the session or
 * API key they authenticated with.
 */
public record Caller(String userId, String tenantId, Role role, String sessionId, String apiKeyId) {

    public boolean can(String permission) {
        return role.permissions().contains(permission);
    }
}
