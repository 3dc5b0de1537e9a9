package io.agentledger.kernel.workflow;

import java.time.Instant;

public final class WorkflowQueries {

    private WorkflowQueries() {
    }

    /** The workflow as it stands, or as it was at {@code version} or {@code asOf} (null: now); null if none. */
    public record FindWorkflow(String workflowId, String tenantId, Long version, Instant asOf) {
    }

    public record FindWorkflowVersion(String workflowId) {
    }

    /** The definition an execution starts from: the workflow's current version; null if none. */
    public record FindWorkflowDefinition(String workflowId, String tenantId) {
    }

    public record WorkflowDefinitionAt(long version, WorkflowDefinition definition, boolean isActive) {
    }

    public record ListWorkflows(String tenantId, String search, long offset, int limit) {
    }

    public record FindWorkflowExecution(String executionId, String tenantId) {
    }

    public record FindWorkflowExecutionVersion(String executionId) {
    }

    public record ListWorkflowExecutions(String tenantId, String workflowId, WorkflowExecutionStatus status,
                                         long offset, int limit) {
    }

    /** Every attempt of the execution's nodes (of one node when {@code nodeId} is set), in order. */
    public record FindNodeLogs(String executionId, String tenantId, String nodeId) {
    }
}
