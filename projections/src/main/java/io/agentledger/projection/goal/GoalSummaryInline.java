package io.agentledger.projection.goal;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.goal.GoalEvent;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The goal read model written in the command's transaction: a goal's writer reads its write at once. */
@Component
@InlineReadModel
@ProcessingGroup(GoalSummaryInline.GROUP)
public class GoalSummaryInline {

    public static final String GROUP = "goal-summary-inline";

    private final GoalSummaryWriter writer;

    GoalSummaryInline(GoalSummaryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(GoalEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    /** With the goal's completion inline, the statuses of its tasks must not lag behind it. */
    @EventHandler
    void on(StepCompleted event, @Timestamp Instant at) {
        writer.taskStepCompleted(event, at);
    }
}
