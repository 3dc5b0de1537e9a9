package io.agentledger.kernel.automation;

import java.time.Instant;

public record AutomationView(String id, String tenantId, String createdBy, String name, String description,
                             AutomationTrigger trigger, AutomationWorkflow workflow, boolean isActive,
                             long fireCount, Instant lastFiredAt, Instant createdAt, Instant updatedAt, long version) {
}
