package io.agentledger.kernel.workflow;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Every event of a workflow execution: what ran, each node attempt with its input and outcome, every decision. */
public sealed interface WorkflowExecutionEvent permits WorkflowExecutionEvent.WorkflowExecutionStarted,
        WorkflowExecutionEvent.WorkflowNodeStarted, WorkflowExecutionEvent.WorkflowNodeSucceeded,
        WorkflowExecutionEvent.WorkflowNodeFailed, WorkflowExecutionEvent.WorkflowNodeSkipped,
        WorkflowExecutionEvent.WorkflowExecutionPaused, WorkflowExecutionEvent.WorkflowExecutionResumed,
        WorkflowExecutionEvent.WorkflowExecutionCompleted, WorkflowExecutionEvent.WorkflowExecutionFailed,
        WorkflowExecutionEvent.WorkflowExecutionStopped {

    String executionId();

    String tenantId();

    String workflowId();

    /** The definition is copied in: the execution runs the version it started with, whatever is saved later. */
    @Revision("1")
    record WorkflowExecutionStarted(String executionId, String tenantId, String workflowId, long workflowVersion,
                                    String startedBy, WorkflowDefinition definition, Object input,
                                    ExecutionMode mode, String triggerType, String triggerId)
            implements WorkflowExecutionEvent {
    }

    @Revision("1")
    record WorkflowNodeStarted(String executionId, String tenantId, String workflowId, String nodeId, int attempt,
                               Object input) implements WorkflowExecutionEvent {
    }

    @Revision("1")
    record WorkflowNodeSucceeded(String executionId, String tenantId, String workflowId, String nodeId, int attempt,
                                 Object output, long durationMs) implements WorkflowExecutionEvent {
    }

    /** {@code retryAt} is when the next attempt may start; null when this attempt was the node's last. */
    @Revision("1")
    record WorkflowNodeFailed(String executionId, String tenantId, String workflowId, String nodeId, int attempt,
                              String error, long durationMs, Instant retryAt) implements WorkflowExecutionEvent {
    }

    /** A node that does not run: a condition before it was false, or a node it needs was skipped or failed. */
    @Revision("1")
    record WorkflowNodeSkipped(String executionId, String tenantId, String workflowId, String nodeId, String reason)
            implements WorkflowExecutionEvent {
    }

    /** Debug mode: waiting before {@code nodeId} until told to continue. */
    @Revision("1")
    record WorkflowExecutionPaused(String executionId, String tenantId, String workflowId, String nodeId,
                                   String reason) implements WorkflowExecutionEvent {
    }

    /**
     * Going on: after a debug pause ({@code continueNode} may now run) or after a failure ({@code retryNodes}
     * run again from a fresh attempt; what succeeded before is reused).
     */
    @Revision("1")
    record WorkflowExecutionResumed(String executionId, String tenantId, String workflowId, String resumedBy,
                                    String continueNode, List<String> retryNodes) implements WorkflowExecutionEvent {
    }

    @Revision("1")
    record WorkflowExecutionCompleted(String executionId, String tenantId, String workflowId, Object output,
                                      long durationMs) implements WorkflowExecutionEvent {
    }

    @Revision("1")
    record WorkflowExecutionFailed(String executionId, String tenantId, String workflowId, String error,
                                   String nodeId, long durationMs) implements WorkflowExecutionEvent {
    }

    @Revision("1")
    record WorkflowExecutionStopped(String executionId, String tenantId, String workflowId, String stoppedBy)
            implements WorkflowExecutionEvent {
    }
}
