package io.agentledger.kernel.agent;

import java.util.Map;

/**
 * Seed 003's agent status: {@code state} idle, executing, error (its last execution failed) or disabled;
 * {@code healthScore} the share of its last 20 ended executions that completed (1 without any).
 * {@code resourceUsage} counts executions and sandbox time of the last minute; CPU and memory of a
 * process are limited, not sampled, and show as 0.
 */
public record AgentRuntimeStatus(String agentId, String state, String lastError, double healthScore,
                                 Map<String, Object> resourceUsage, long runningExecutions,
                                 long pendingExecutions) {
}
