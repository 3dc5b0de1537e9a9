package io.agentledger.kernel.goal;

import io.agentledger.kernel.page.PageSpec;

public final class GoalQueries {

    private GoalQueries() {
    }

    /** Answers the goal, or null when it does not exist, is deleted or belongs to another tenant. */
    public record FindGoal(String goalId, String tenantId) {
    }

    /**
     * Answers the version of the goal the read model has reached (deleted goals included), or -1
     * when it has none yet; lets a writer wait until its change is visible.
     */
    public record FindGoalVersion(String goalId) {
    }

    /** Null filters match everything; {@code search} matches the goal text, case-insensitively. */
    public record ListGoals(String tenantId, GoalStatus status, Priority priority, AutonomyLevel autonomyLevel,
                            String search, PageSpec pageSpec) {
    }
}
