package io.agentledger.kernel.automation;

import java.util.Map;

/** What fires an automation: {@code type} (event, memory, approval_expired, gmail, calendar, schedule) and its config. */
public record AutomationTrigger(String type, Map<String, Object> config) {
}
