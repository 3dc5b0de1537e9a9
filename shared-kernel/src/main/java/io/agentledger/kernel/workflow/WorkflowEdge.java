package io.agentledger.kernel.workflow;

public record WorkflowEdge(String id, String source, String target) {
}
