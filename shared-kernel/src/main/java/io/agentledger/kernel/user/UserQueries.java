package io.agentledger.kernel.user;

import io.agentledger.kernel.page.PageSpec;

public final class UserQueries {

    private UserQueries() {
    }

    /** Answers the user, or null when no such user exists in that tenant. */
    public record FindUser(String userId, String tenantId) {
    }

    public record ListUsers(String tenantId, PageSpec pageSpec) {
    }
}
