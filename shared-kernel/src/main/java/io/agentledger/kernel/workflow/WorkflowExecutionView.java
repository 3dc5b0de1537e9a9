package io.agentledger.kernel.workflow;

import java.time.Instant;
import java.util.List;

/** A workflow execution as seed 004 shows it; {@code node_logs} has each node's latest attempt. */
public record WorkflowExecutionView(String id, String tenantId, String workflowId, long workflowVersion,
                                    WorkflowExecutionStatus status, ExecutionMode mode, String triggerType,
                                    String triggerId, Object input, Object output, String error, String failedNode,
                                    String pausedAt, String startedBy, List<NodeLogView> nodeLogs, Instant startedAt,
                                    Instant completedAt, Long durationMs, long version) {
}
