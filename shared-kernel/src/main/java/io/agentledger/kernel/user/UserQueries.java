package io.agentledger.kernel.user;

import io.agentledger.kernel.page.PageSpec;

public final class UserQueries {

    private UserQueries() {
    }

    /** Answers the user, or null when no such user exists in that tenant. */
    public record FindUser(String userId, String tenantId) {
    }

    /** The version of the user the read model has reached, -1 when it has none yet. */
    public record FindUserVersion(String userId) {
    }

    public record ListUsers(String tenantId, PageSpec pageSpec) {
    }
}
