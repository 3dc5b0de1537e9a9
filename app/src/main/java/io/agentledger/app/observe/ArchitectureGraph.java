package io.agentledger.app.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 003's architecture: nodes and their connections, and the Mermaid flowchart drawn from them. */
final class ArchitectureGraph {

    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final List<Map<String, Object>> connections = new ArrayList<>();
    private final Map<Integer, Integer> perColumn = new LinkedHashMap<>();

    /** {@code column}: where it sits left to right; nodes of one column are stacked. */
    ArchitectureGraph node(String id, String name, String type, String status, int column, Integer agentNumber,
                           Map<String, Object> metadata) {
        int row = perColumn.merge(column, 1, Integer::sum) - 1;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("agent_number", agentNumber);
        node.put("name", name);
        node.put("type", type);
        node.put("status", status);
        node.put("position", Map.of("x", column * 220, "y", row * 110));
        node.put("metadata", metadata);
        nodes.add(node);
        return this;
    }

    ArchitectureGraph connect(String source, String target, String type, String description) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("id", source + "->" + target);
        connection.put("source", source);
        connection.put("target", target);
        connection.put("type", type);
        connection.put("status", "active");
        connection.put("metadata", Map.of("description", description));
        connections.add(connection);
        return this;
    }

    List<Map<String, Object>> nodes() {
        return nodes;
    }

    List<Map<String, Object>> connections() {
        return connections;
    }

    /** Agents as stadiums, services as boxes, external APIs as hexagons; triggers thick, dependencies dotted. */
    String mermaid() {
        StringBuilder diagram = new StringBuilder("flowchart LR\n");
        for (Map<String, Object> node : nodes) {
            String id = mermaidId((String) node.get("id"));
            String label = ((String) node.get("name")).replace("\"", "'");
            String shape = switch ((String) node.get("type")) {
                case "agent" -> "([\"" + label + "\"])";
                case "external_api" -> "{{\"" + label + "\"}}";
                default -> "[\"" + label + "\"]";
            };
            diagram.append("    ").append(id).append(shape).append(":::").append(node.get("status")).append('\n');
        }
        for (Map<String, Object> connection : connections) {
            String arrow = switch ((String) connection.get("type")) {
                case "trigger" -> " ==> ";
                case "dependency" -> " -.-> ";
                default -> " --> ";
            };
            diagram.append("    ").append(mermaidId((String) connection.get("source"))).append(arrow)
                    .append(mermaidId((String) connection.get("target"))).append('\n');
        }
        diagram.append("    classDef active stroke:#2e7d32\n");
        diagram.append("    classDef inactive stroke:#9e9e9e,stroke-dasharray:4\n");
        diagram.append("    classDef error stroke:#c62828,stroke-width:3px\n");
        return diagram.toString();
    }

    static String mermaidId(String id) {
        return id.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
