package io.agentledger.kernel.agent;

import java.util.List;

/** A page of agents; {@code activeCount} counts the active ones among all that match (seed 003). */
public record AgentPage(List<AgentView> items, long total, long activeCount, int page, int size, int pages) {
}
