package io.agentledger.kernel.automation;

import java.time.Instant;

public record AutomationFiringView(String id, String automationId, String triggerEventId, String triggerEventType,
                                   String triggerItem, String startedType, String startedId, String runId,
                                   Instant firedAt) {
}
