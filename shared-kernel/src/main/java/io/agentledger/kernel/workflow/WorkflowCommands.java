package io.agentledger.kernel.workflow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public final class WorkflowCommands {

    private WorkflowCommands() {
    }

    public record CreateWorkflow(@TargetAggregateIdentifier String workflowId, String tenantId, String createdBy,
                                 String name, String description, WorkflowDefinition definition, boolean isActive) {
    }

    /** Answers the workflow's new version. */
    public record ReviseWorkflow(@TargetAggregateIdentifier String workflowId, String tenantId, String revisedBy,
                                 @TargetAggregateVersion Long expectedVersion, String name, String description,
                                 WorkflowDefinition definition, Boolean isActive) {
    }

    /** Answers the workflow's new version. */
    public record DeleteWorkflow(@TargetAggregateIdentifier String workflowId, String tenantId, String deletedBy) {
    }
}
