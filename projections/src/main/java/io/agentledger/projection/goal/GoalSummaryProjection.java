package io.agentledger.projection.goal;

import io.agentledger.kernel.goal.GoalEvent;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The goal read model's tracking projection: rebuilds it by replay and applies what
 * {@link GoalSummaryInline} did not (a contained failure, a node running an older version).
 */
@Component
@ProcessingGroup(GoalSummaryProjection.GROUP)
public class GoalSummaryProjection {

    public static final String GROUP = "goal-summary";

    private final GoalSummaryWriter writer;

    GoalSummaryProjection(GoalSummaryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(GoalEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    /** A run's step decides its task's status; it changes no goal version (it is the run's event). */
    @EventHandler
    void on(StepCompleted event, @Timestamp Instant at) {
        writer.taskStepCompleted(event, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
