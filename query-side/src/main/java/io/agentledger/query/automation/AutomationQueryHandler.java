package io.agentledger.query.automation;

import io.agentledger.kernel.automation.AutomationQueries.Automations;
import io.agentledger.kernel.automation.AutomationQueries.FindActiveAutomations;
import io.agentledger.kernel.automation.AutomationQueries.FindAutomation;
import io.agentledger.kernel.automation.AutomationQueries.FindAutomationVersion;
import io.agentledger.kernel.automation.AutomationView;
import io.agentledger.projection.automation.AutomationRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class AutomationQueryHandler {

    private final AutomationRepository automations;

    public AutomationQueryHandler(AutomationRepository automations) {
        this.automations = automations;
    }

    @QueryHandler
    public AutomationView handle(FindAutomation query) {
        return automations.find(query.automationId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindAutomationVersion query) {
        return automations.version(query.automationId());
    }

    @QueryHandler
    public Automations handle(FindActiveAutomations query) {
        return new Automations(automations.active(query.tenantId()));
    }
}
