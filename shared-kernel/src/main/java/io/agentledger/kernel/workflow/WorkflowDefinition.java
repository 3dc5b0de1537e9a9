package io.agentledger.kernel.workflow;

import java.util.List;
import java.util.Map;

/**
 * A workflow's graph and how it runs: seed 004's nodes and edges, seed 003's trigger, error handling
 * ({@code strategy}: {@code fail_fast} or {@code continue}), overall timeout and retry policy.
 */
public record WorkflowDefinition(List<WorkflowNode> nodes, List<WorkflowEdge> edges, Map<String, Object> trigger,
                                 Map<String, Object> errorHandling, Long timeoutMs, RetryPolicy retryPolicy) {

    public boolean continueOnError() {
        return errorHandling != null && "continue".equals(errorHandling.get("strategy"));
    }

    public RetryPolicy retries() {
        return retryPolicy == null ? RetryPolicy.NONE : retryPolicy;
    }
}
