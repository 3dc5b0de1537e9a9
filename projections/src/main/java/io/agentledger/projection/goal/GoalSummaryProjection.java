package io.agentledger.projection.goal;

import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalEvent.GoalDeleted;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.goal.GoalEvent.GoalUpdated;
import io.agentledger.kernel.goal.GoalQueries.FindGoalVersion;
import io.agentledger.kernel.goal.GoalStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(GoalSummaryProjection.GROUP)
public class GoalSummaryProjection {

    public static final String GROUP = "goal-summary";

    private final GoalViewRepository goals;
    private final QueryUpdateEmitter emitter;

    public GoalSummaryProjection(GoalViewRepository goals, QueryUpdateEmitter emitter) {
        this.goals = goals;
        this.emitter = emitter;
    }

    @EventHandler
    void on(GoalCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.insert(event, version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.applyChanges(event.goalId(), event.changes(), version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.setStatus(event.goalId(), GoalStatus.ACTIVE, version, at);
        announce(event.goalId(), version);
    }

    @EventHandler
    void on(GoalDeleted event, @SequenceNumber long version, @Timestamp Instant at) {
        goals.markDeleted(event.goalId(), version, at);
        announce(event.goalId(), version);
    }

    @ResetHandler
    void reset() {
        goals.deleteAll();
    }

    private void announce(String goalId, long version) {
        emitter.emit(FindGoalVersion.class, query -> query.goalId().equals(goalId), version);
    }
}
