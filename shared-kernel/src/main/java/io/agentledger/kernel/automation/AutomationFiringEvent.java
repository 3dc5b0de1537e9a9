package io.agentledger.kernel.automation;

import org.axonframework.serialization.Revision;

import java.util.Map;

/** One firing: the event that caused it (by its identifier and type) and what it started. */
public sealed interface AutomationFiringEvent permits AutomationFiringEvent.AutomationFired {

    String firingId();

    String tenantId();

    /**
     * {@code triggerItem} names the synced item (gmail, calendar) the firing is for, null otherwise;
     * {@code startedType} is {@code goal} (with its run) or {@code workflow_execution}.
     */
    @Revision("1")
    record AutomationFired(String firingId, String tenantId, String automationId, String triggerEventId,
                           String triggerEventType, String triggerItem, String startedType, String startedId,
                           String runId, Map<String, Object> parameters) implements AutomationFiringEvent {
    }
}
