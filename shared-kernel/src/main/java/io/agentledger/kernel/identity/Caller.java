package io.agentledger.kernel.identity;

/**
 * Who is acting: the authenticated user, the tenant they act in, their role, the session or API key
 * they authenticated with, and whether they administer the whole platform (every tenant).
 */
public record Caller(String userId, String tenantId, Role role, String sessionId, String apiKeyId,
                     boolean platformAdmin) {

    public Caller(String userId, String tenantId, Role role, String sessionId, String apiKeyId) {
        this(userId, tenantId, role, sessionId, apiKeyId, false);
    }

    public boolean can(String permission) {
        return role.permissions().contains(permission);
    }

    /** Signed in with a password (a login session), not with an API key. */
    public boolean signedIn() {
        return sessionId != null;
    }
}
