package io.agentledger.query.goal;

import io.agentledger.kernel.goal.GoalPage;
import io.agentledger.kernel.goal.GoalQueries.FindGoal;
import io.agentledger.kernel.goal.GoalQueries.FindGoalVersion;
import io.agentledger.kernel.goal.GoalQueries.ListGoals;
import io.agentledger.kernel.goal.GoalView;
import io.agentledger.projection.goal.GoalViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class GoalQueryHandler {

    private final GoalViewRepository goals;

    public GoalQueryHandler(GoalViewRepository goals) {
        this.goals = goals;
    }

    @QueryHandler
    public GoalView handle(FindGoal query) {
        return goals.find(query.goalId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindGoalVersion query) {
        return goals.version(query.goalId());
    }

    @QueryHandler
    public GoalPage handle(ListGoals query) {
        return goals.list(query);
    }
}
