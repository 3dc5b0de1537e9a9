package io.agentledger.command.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.RetryPolicy;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowEdge;
import io.agentledger.kernel.workflow.WorkflowNode;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow as either seed sends it: 004's {@code nodes} and {@code edges}, or 003's
 * {@code definition.steps} (each step a node, its {@code depends_on} the edges into it). 003's
 * {@code trigger}, {@code error_handling}, {@code timeout_ms} and {@code retry_policy} go with either.
 */
record WorkflowRequest(@Size(min = 1, max = 200) String name, @Size(max = 4000) String description,
                       @Size(max = WorkflowShape.MAX_NODES) List<WorkflowNode> nodes,
                       @Size(max = WorkflowShape.MAX_EDGES) List<WorkflowEdge> edges,
                       Map<String, Object> definition, Boolean isActive, @PositiveOrZero Long expectedVersion) {

    private static final Set<String> STRATEGIES = Set.of("fail_fast", "continue", "retry", "fallback");
    private static final Set<String> BACKOFFS = Set.of("fixed", "linear", "exponential");
    private static final long MAX_TIMEOUT_MS = 24L * 3600 * 1000;

    boolean changesGraph() {
        return nodes != null || edges != null || definition != null;
    }

    /** The graph and its settings, or null when the request changes none of them. */
    WorkflowDefinition toDefinition() {
        if (!changesGraph()) {
            return null;
        }
        Map<String, Object> settings = definition == null ? Map.of() : definition;
        List<WorkflowNode> graphNodes = nodes == null ? List.of() : nodes;
        List<WorkflowEdge> graphEdges = edges == null ? List.of() : edges;
        if (settings.get("steps") != null) {
            if (nodes != null || edges != null) {
                throw DomainException.invalid("Send nodes and edges, or definition.steps: not both");
            }
            graphNodes = new ArrayList<>();
            graphEdges = new ArrayList<>();
            fromSteps(settings.get("steps"), graphNodes, graphEdges);
        }
        return new WorkflowDefinition(graphNodes, graphEdges, map(settings.get("trigger"), "trigger"),
                errorHandling(settings.get("error_handling")), timeout(settings.get("timeout_ms")),
                retryPolicy(settings.get("retry_policy")));
    }

    private static void fromSteps(Object steps, List<WorkflowNode> nodes, List<WorkflowEdge> edges) {
        if (!(steps instanceof List<?> list) || list.size() > WorkflowShape.MAX_NODES) {
            throw DomainException.invalid("definition.steps must be a list of at most " + WorkflowShape.MAX_NODES);
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> step) || !(step.get("id") instanceof String id)) {
                throw DomainException.invalid("Each step needs an id");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            step.forEach((key, value) -> {
                if (!List.of("id", "type", "depends_on", "position").contains(String.valueOf(key))) {
                    data.put(String.valueOf(key), value);
                }
            });
            String type = step.get("type") instanceof String given ? given : "agent_package";
            nodes.add(new WorkflowNode(id, type, data, null));
            if (step.get("depends_on") instanceof List<?> dependencies) {
                for (Object dependency : dependencies) {
                    edges.add(new WorkflowEdge("e-" + dependency + "-" + id, String.valueOf(dependency), id));
                }
            } else if (step.get("depends_on") != null) {
                throw DomainException.invalid("Step " + id + ": depends_on must be a list of step ids");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw DomainException.invalid("definition." + field + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> errorHandling(Object value) {
        Map<String, Object> handling = map(value, "error_handling");
        if (handling != null && handling.get("strategy") != null && !STRATEGIES.contains(handling.get("strategy"))) {
            throw DomainException.invalid("definition.error_handling.strategy must be one of " + STRATEGIES);
        }
        return handling;
    }

    private static Long timeout(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.longValue() <= 0 || number.longValue() > MAX_TIMEOUT_MS) {
            throw DomainException.invalid("definition.timeout_ms must be between 1 and " + MAX_TIMEOUT_MS);
        }
        return number.longValue();
    }

    private static RetryPolicy retryPolicy(Object value) {
        Map<String, Object> policy = map(value, "retry_policy");
        if (policy == null) {
            return null;
        }
        int attempts = policy.get("max_attempts") instanceof Number n ? n.intValue() : 1;
        long delay = policy.get("delay_ms") instanceof Number n ? n.longValue() : 0;
        String backoff = policy.get("backoff_strategy") == null ? "fixed" : String.valueOf(policy.get("backoff_strategy"));
        if (attempts < 1 || attempts > 10 || delay < 0 || delay > 600_000 || !BACKOFFS.contains(backoff)) {
            throw DomainException.invalid("definition.retry_policy: max_attempts 1 to 10, delay_ms 0 to 600000, "
                    + "backoff_strategy one of " + BACKOFFS);
        }
        return new RetryPolicy(attempts, backoff, delay);
    }
}
