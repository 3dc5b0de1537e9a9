package io.agentledger.projection.run;

import io.agentledger.kernel.run.RunEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The run read model's tracking projection: rebuilds it, applies what {@link RunSummaryInline} did not. */
@Component
@ProcessingGroup(RunSummaryProjection.GROUP)
public class RunSummaryProjection {

    public static final String GROUP = "run-summary";

    private final RunSummaryWriter writer;

    RunSummaryProjection(RunSummaryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(RunEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
