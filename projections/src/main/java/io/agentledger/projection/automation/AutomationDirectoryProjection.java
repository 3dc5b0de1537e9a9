package io.agentledger.projection.automation;

import io.agentledger.kernel.automation.AutomationEvent;
import io.agentledger.kernel.automation.AutomationFiringEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The automation read models' tracking projection: rebuilds them by replay and applies what the inline one did not. */
@Component
@ProcessingGroup(AutomationDirectoryProjection.GROUP)
public class AutomationDirectoryProjection {

    public static final String GROUP = "automation-directory";

    private final AutomationWriter writer;

    AutomationDirectoryProjection(AutomationWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(AutomationEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @EventHandler
    void on(AutomationFiringEvent event, @Timestamp Instant at) {
        writer.apply(event, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
