package io.agentledger.projection.automation;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.automation.AutomationEvent;
import io.agentledger.kernel.automation.AutomationFiringEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The automation read models written in the command's transaction: the caller reads its change at once. */
@Component
@InlineReadModel
@ProcessingGroup(AutomationDirectoryInline.GROUP)
public class AutomationDirectoryInline {

    public static final String GROUP = "automation-directory-inline";

    private final AutomationWriter writer;

    AutomationDirectoryInline(AutomationWriter writer) {
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
}
