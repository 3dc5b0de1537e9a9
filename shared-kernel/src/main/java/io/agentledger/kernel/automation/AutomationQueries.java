package io.agentledger.kernel.automation;

public final class AutomationQueries {

    private AutomationQueries() {
    }

    public record FindAutomation(String automationId, String tenantId) {
    }

    public record FindAutomationVersion(String automationId) {
    }

    /** Answers {@link Automations}: the tenant's active automations. */
    public record FindActiveAutomations(String tenantId) {
    }

    public record Automations(java.util.List<AutomationView> items) {
    }
}
