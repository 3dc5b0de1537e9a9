package io.agentledger.projection.run;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.run.RunEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The run read model written in the transaction of the command changing the run. */
@Component
@InlineReadModel
@ProcessingGroup(RunSummaryInline.GROUP)
public class RunSummaryInline {

    public static final String GROUP = "run-summary-inline";

    private final RunSummaryWriter writer;

    RunSummaryInline(RunSummaryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(RunEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }
}
