package io.agentledger.kernel.automation;

import java.util.Map;

/**
 * What a firing starts: the goal run of a shipped {@code template} with its {@code parameters}, or, when
 * {@code workflowId} is set, an execution of that saved workflow with the parameters as input.
 */
public record AutomationWorkflow(String template, Map<String, Object> parameters, String workflowId) {
}
