package io.agentledger.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Commands of a workflow execution; the engine's are recorded as it goes, so it can stop anywhere. */
public final class WorkflowExecutionCommands {

    private WorkflowExecutionCommands() {
    }

    public record StartWorkflowExecution(@TargetAggregateIdentifier String executionId, String tenantId,
                                         String workflowId, long workflowVersion, String startedBy,
                                         WorkflowDefinition definition, Object input, ExecutionMode mode,
                                         String triggerType, String triggerId) {
    }

    public record StartNode(@TargetAggregateIdentifier String executionId, String nodeId, int attempt, Object input) {
    }

    public record SucceedNode(@TargetAggregateIdentifier String executionId, String nodeId, int attempt, Object output,
                              long durationMs) {
    }

    public record FailNode(@TargetAggregateIdentifier String executionId, String nodeId, int attempt, String error,
                           long durationMs, Instant retryAt) {
    }

    public record SkipNode(@TargetAggregateIdentifier String executionId, String nodeId, String reason) {
    }

    public record PauseExecution(@TargetAggregateIdentifier String executionId, String nodeId, String reason) {
    }

    public record CompleteWorkflowExecution(@TargetAggregateIdentifier String executionId, Object output,
                                            long durationMs) {
    }

    public record FailWorkflowExecution(@TargetAggregateIdentifier String executionId, String error, String nodeId,
                                        long durationMs) {
    }

    /** {@code tenantId} is the caller's. */
    public record StopWorkflowExecution(@TargetAggregateIdentifier String executionId, String tenantId,
                                        String stoppedBy) {
    }

    /** {@code tenantId} is the caller's: continues a paused execution or retries a failed one's failed nodes. */
    public record ResumeWorkflowExecution(@TargetAggregateIdentifier String executionId, String tenantId,
                                          String resumedBy) {
    }

    /** A human node's approval was decided (or expired): its running attempt succeeds or fails with that. */
    public record DecideHumanNode(@TargetAggregateIdentifier String executionId, String nodeId, boolean approved,
                                  Object output, String error) {
    }
}
