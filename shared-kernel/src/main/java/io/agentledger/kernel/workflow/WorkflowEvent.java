package io.agentledger.kernel.workflow;

import org.axonframework.serialization.Revision;

/** Every event of the Workflow aggregate; each save of the definition is a version (the event's sequence). */
public sealed interface WorkflowEvent permits WorkflowEvent.WorkflowCreated, WorkflowEvent.WorkflowRevised,
        WorkflowEvent.WorkflowDeleted, WorkflowEvent.WorkflowScheduleFired {

    String workflowId();

    String tenantId();

    @Revision("1")
    record WorkflowCreated(String workflowId, String tenantId, String createdBy, String name, String description,
                           WorkflowDefinition definition, boolean isActive) implements WorkflowEvent {
    }

    /** Carries what changed; null fields did not. */
    @Revision("1")
    record WorkflowRevised(String workflowId, String tenantId, String revisedBy, String name, String description,
                           WorkflowDefinition definition, Boolean isActive) implements WorkflowEvent {
    }

    @Revision("1")
    record WorkflowDeleted(String workflowId, String tenantId, String deletedBy) implements WorkflowEvent {
    }

    /** The workflow's schedule came due at {@code dueAt}: an execution starts for it (once, whatever happens). */
    @Revision("1")
    record WorkflowScheduleFired(String workflowId, String tenantId, String cron, java.time.Instant dueAt)
            implements WorkflowEvent {
    }
}
