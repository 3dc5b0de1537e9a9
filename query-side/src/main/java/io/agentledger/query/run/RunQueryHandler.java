package io.agentledger.query.run;

import io.agentledger.kernel.goal.GoalView;
import io.agentledger.kernel.run.RunPage;
import io.agentledger.kernel.run.RunQueries.FindRun;
import io.agentledger.kernel.run.RunQueries.FindRunVersion;
import io.agentledger.kernel.run.RunQueries.ListRuns;
import io.agentledger.kernel.run.RunView;
import io.agentledger.projection.approval.ApprovalViewRepository;
import io.agentledger.projection.goal.GoalViewRepository;
import io.agentledger.projection.run.RunViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class RunQueryHandler {

    private final RunViewRepository runs;
    private final GoalViewRepository goals;
    private final ApprovalViewRepository approvals;

    public RunQueryHandler(RunViewRepository runs, GoalViewRepository goals, ApprovalViewRepository approvals) {
        this.runs = runs;
        this.goals = goals;
        this.approvals = approvals;
    }

    @QueryHandler
    public RunView handle(FindRun query) {
        return runs.find(query.runId(), query.tenantId()).map(run -> {
            GoalView goal = goals.find(run.goalId(), run.tenantId()).orElse(null);
            RunView.GoalRef ref = goal == null ? null : new RunView.GoalRef(goal.id(), goal.text(),
                    goal.status().name().toLowerCase(), goal.autonomyLevel().name());
            return new RunView(run.id(), run.tenantId(), run.goalId(), run.createdBy(), run.graphVersion(),
                    run.status(), run.currentNode(), run.checkpoints(), run.artifacts(), run.cost(), run.metrics(),
                    run.errorMessage(), run.version(), run.startedAt(), run.completedAt(), run.createdAt(),
                    run.updatedAt(), ref, approvals.ofRun(run.id()));
        }).orElse(null);
    }

    @QueryHandler
    public Long handle(FindRunVersion query) {
        return runs.version(query.runId());
    }

    @QueryHandler
    public RunPage handle(ListRuns query) {
        return runs.list(query);
    }
}
