package io.agentledger.kernel.automation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Seed 000's automations: what fires them, what they start, and each schedule that came due. */
public sealed interface AutomationEvent permits AutomationEvent.AutomationCreated, AutomationEvent.AutomationUpdated,
        AutomationEvent.AutomationDeleted, AutomationEvent.AutomationScheduleFired {

    String automationId();

    String tenantId();

    @Revision("1")
    record AutomationCreated(String automationId, String tenantId, String createdBy, String name, String description,
                             AutomationTrigger trigger, AutomationWorkflow workflow, boolean isActive)
            implements AutomationEvent {
    }

    /** The automation as it stands after the change. */
    @Revision("1")
    record AutomationUpdated(String automationId, String tenantId, String updatedBy, String name, String description,
                             AutomationTrigger trigger, AutomationWorkflow workflow, boolean isActive)
            implements AutomationEvent {
    }

    @Revision("1")
    record AutomationDeleted(String automationId, String tenantId, String deletedBy) implements AutomationEvent {
    }

    @Revision("1")
    record AutomationScheduleFired(String automationId, String tenantId, String cron, Instant dueAt)
            implements AutomationEvent {
    }
}
