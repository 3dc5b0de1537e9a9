package io.agentledger.projection.automation;

import io.agentledger.kernel.automation.AutomationEvent;
import io.agentledger.kernel.automation.AutomationEvent.AutomationCreated;
import io.agentledger.kernel.automation.AutomationEvent.AutomationDeleted;
import io.agentledger.kernel.automation.AutomationEvent.AutomationUpdated;
import io.agentledger.kernel.automation.AutomationFiringEvent;
import io.agentledger.kernel.automation.AutomationFiringEvent.AutomationFired;
import io.agentledger.kernel.automation.AutomationQueries.FindAutomationVersion;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Applies automation and firing events for the inline and the tracking projection alike. */
@Component
class AutomationWriter {

    private final AutomationRepository automations;
    private final VersionAnnouncer announcer;

    AutomationWriter(AutomationRepository automations, VersionAnnouncer announcer) {
        this.automations = automations;
        this.announcer = announcer;
    }

    void apply(AutomationEvent event, long version, Instant storedAt) {
        Instant at = StoredTime.of(storedAt);
        boolean applied;
        if (event instanceof AutomationCreated created) {
            applied = automations.insert(created, version, at);
        } else if (event instanceof AutomationUpdated updated) {
            applied = automations.update(updated, version, at);
        } else if (event instanceof AutomationDeleted deleted) {
            applied = automations.delete(deleted.automationId(), version, at);
        } else {
            applied = automations.advance(event.automationId(), version);
        }
        if (applied) {
            announcer.announce(FindAutomationVersion.class, FindAutomationVersion::automationId,
                    event.automationId(), version);
        }
    }

    void apply(AutomationFiringEvent event, Instant storedAt) {
        if (event instanceof AutomationFired fired) {
            automations.fired(fired, StoredTime.of(storedAt));
        }
    }

    void reset() {
        automations.deleteAll();
    }
}
