package io.agentledger.projection.run;

import io.agentledger.kernel.run.RunEvent.RunCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(RunSummaryProjection.GROUP)
public class RunSummaryProjection {

    public static final String GROUP = "run-summary";

    private final RunViewRepository runs;

    public RunSummaryProjection(RunViewRepository runs) {
        this.runs = runs;
    }

    @EventHandler
    void on(RunCreated event, @Timestamp Instant at) {
        runs.insert(event, at);
    }

    @ResetHandler
    void reset() {
        runs.deleteAll();
    }
}
