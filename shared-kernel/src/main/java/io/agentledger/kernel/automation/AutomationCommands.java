package io.agentledger.kernel.automation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public final class AutomationCommands {

    private AutomationCommands() {
    }

    public record CreateAutomation(@TargetAggregateIdentifier String automationId, String tenantId, String createdBy,
                                   String name, String description, AutomationTrigger trigger,
                                   AutomationWorkflow workflow, boolean isActive) {
    }

    /** The fields that are not null change; answers the version. */
    public record UpdateAutomation(@TargetAggregateIdentifier String automationId, String tenantId, String updatedBy,
                                   String name, String description, AutomationTrigger trigger,
                                   AutomationWorkflow workflow, Boolean isActive) {
    }

    public record DeleteAutomation(@TargetAggregateIdentifier String automationId, String tenantId, String deletedBy) {
    }

    /** Creates the firing's record; its id derives from the automation and the trigger, so a second try is refused. */
    public record RecordFiring(@TargetAggregateIdentifier String firingId, String tenantId, String automationId,
                               String triggerEventId, String triggerEventType, String triggerItem, String startedType,
                               String startedId, String runId, Map<String, Object> parameters) {
    }
}
