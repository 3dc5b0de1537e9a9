package io.agentledger.command.goal;

final class GoalLimits {
    static final int MAX_TEXT = 10_000;
    static final int MAX_ENTRIES = 100;
    static final String MAX_HOURS = "100000";

    private GoalLimits() {
    }
}
