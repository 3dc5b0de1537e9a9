package io.agentledger.command.workflow;

import io.agentledger.command.run.tool.BuiltInTools;
import io.agentledger.command.workflow.engine.SafeExpression;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentByNumber;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.mcp.McpQueries.FindMcpServer;
import io.agentledger.kernel.mcp.McpServerView;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowEdge;
import io.agentledger.kernel.workflow.WorkflowNode;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a definition can run: every problem with the node it concerns, in seed 004's words where it
 * has them (unknown types, an agent without a model, a tool no server provides, dangling edges, cycles,
 * nodes nothing connects, bad expressions, agents that are not the tenant's).
 */
@Component
public class WorkflowValidator {

    public static final Set<String> TYPES = Set.of("agent", "tool", "condition", "human", "agent_package");

    private final BuiltInTools tools;
    private final QueryGateway queries;

    public WorkflowValidator(BuiltInTools tools, QueryGateway queries) {
        this.tools = tools;
        this.queries = queries;
    }

    public record Problem(String nodeId, String message) {
    }

    public List<Problem> problems(WorkflowDefinition definition, String tenantId) {
        List<Problem> problems = new ArrayList<>();
        if (definition == null || definition.nodes().isEmpty()) {
            problems.add(new Problem(null, "The workflow has no nodes"));
            return problems;
        }
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        definition.nodes().forEach(node -> nodes.put(node.id(), node));
        nodes.values().forEach(node -> checkNode(node, tenantId, problems));
        Set<String> connected = new HashSet<>();
        for (WorkflowEdge edge : definition.edges()) {
            for (String end : List.of(edge.source() == null ? "" : edge.source(),
                    edge.target() == null ? "" : edge.target())) {
                if (!nodes.containsKey(end)) {
                    problems.add(new Problem(end, "Edge '" + edge.id() + "' points at unknown node '" + end + "'"));
                }
            }
            connected.add(edge.source());
            connected.add(edge.target());
        }
        if (nodes.size() > 1) {
            nodes.keySet().stream().filter(id -> !connected.contains(id)).forEach(id ->
                    problems.add(new Problem(id, "Node '" + id + "' is unreachable: no edge connects it")));
        }
        String inCycle = cycle(nodes.keySet(), definition.edges());
        if (inCycle != null) {
            problems.add(new Problem(inCycle, "Workflow contains a cycle"));
        }
        return problems;
    }

    private void checkNode(WorkflowNode node, String tenantId, List<Problem> problems) {
        Map<String, Object> data = node.data() == null ? Map.of() : node.data();
        String id = node.id();
        if (!TYPES.contains(node.type())) {
            problems.add(new Problem(id, "Node '" + id + "' has unknown type '" + node.type() + "' (known: "
                    + String.join(", ", TYPES.stream().sorted().toList()) + ")"));
            return;
        }
        switch (node.type()) {
            case "agent" -> {
                if (blank(data.get("model"))) {
                    problems.add(new Problem(id, "Agent node '" + id + "' missing model"));
                }
            }
            case "tool" -> {
                Object tool = data.get("tool");
                if (blank(tool)) {
                    problems.add(new Problem(id, "Tool node '" + id + "' names no tool"));
                } else if (data.get("server_id") != null) {
                    McpServerView server = queries.query(new FindMcpServer(String.valueOf(data.get("server_id")),
                            tenantId), McpServerView.class).join();
                    if (server == null || server.tools().stream().noneMatch(t -> t.name().equals(tool.toString()))) {
                        problems.add(new Problem(id, "Tool node '" + id + "': no MCP server " + data.get("server_id")
                                + " of yours provides tool '" + tool + "'"));
                    }
                } else if (tools.find(tool.toString()).isEmpty()) {
                    problems.add(new Problem(id, "Tool node '" + id + "': no server provides tool '" + tool
                            + "' (built-in tools: " + String.join(", ", tools.all().stream().map(t -> t.name())
                            .sorted().toList()) + ")"));
                }
            }
            case "condition" -> {
                try {
                    SafeExpression.parse(data.get("expression") == null ? null : data.get("expression").toString());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(id, "Condition node '" + id + "': " + e.getMessage()));
                }
            }
            case "agent_package" -> {
                if (agent(data, tenantId) == null) {
                    problems.add(new Problem(id, "Agent package node '" + id + "' names no agent of yours "
                            + "(agent_id or agent_number)"));
                }
            }
            default -> {
            }
        }
        if (data.get("condition") != null) {
            try {
                SafeExpression.parse(data.get("condition").toString());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(id, "Node '" + id + "' condition: " + e.getMessage()));
            }
        }
    }

    /** The tenant's agent a node names by {@code agent_id} or seed 003's {@code agent_number}; null if none. */
    public AgentView agent(Map<String, Object> data, String tenantId) {
        if (data.get("agent_id") instanceof String agentId && !agentId.isBlank()) {
            return queries.query(new FindAgent(agentId, tenantId), AgentView.class).join();
        }
        if (data.get("agent_number") instanceof Number number) {
            return queries.query(new FindAgentByNumber(number.longValue(), tenantId), AgentView.class).join();
        }
        return null;
    }

    /** A node on a cycle, or null (Kahn's algorithm: what is never freed of incoming edges is on one). */
    private static String cycle(Set<String> nodes, List<WorkflowEdge> edges) {
        Map<String, Integer> incoming = new HashMap<>();
        Map<String, List<String>> out = new HashMap<>();
        nodes.forEach(id -> incoming.put(id, 0));
        for (WorkflowEdge edge : edges) {
            if (nodes.contains(edge.source()) && nodes.contains(edge.target())) {
                incoming.merge(edge.target(), 1, Integer::sum);
                out.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge.target());
            }
        }
        Deque<String> free = new ArrayDeque<>();
        incoming.forEach((id, count) -> {
            if (count == 0) {
                free.add(id);
            }
        });
        while (!free.isEmpty()) {
            for (String next : out.getOrDefault(free.poll(), List.of())) {
                if (incoming.merge(next, -1, Integer::sum) == 0) {
                    free.add(next);
                }
            }
        }
        return incoming.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted()
                .findFirst().orElse(null);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
