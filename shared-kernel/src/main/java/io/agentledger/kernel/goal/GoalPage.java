package io.agentledger.kernel.goal;

import java.util.List;

public record GoalPage(List<GoalView> items, long total, int page, int size, int pages) {
}
