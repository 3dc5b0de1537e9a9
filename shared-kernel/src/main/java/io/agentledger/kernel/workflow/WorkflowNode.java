package io.agentledger.kernel.workflow;

import java.util.Map;

/** A node of seed 004's graph: {@code type} decides what {@code data} holds. */
public record WorkflowNode(String id, String type, Map<String, Object> data, Map<String, Object> position) {
}
