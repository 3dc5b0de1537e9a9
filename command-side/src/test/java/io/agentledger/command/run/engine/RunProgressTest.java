package io.agentledger.command.run.engine;

import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunEvent.StepApprovalResolved;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunProgressTest {

    @Test
    void foldsWhereTheRunStandsFromItsEvents() {
        Map<String, Object> task = Map.of("id", "task-0", "title", "Search", "description", "d", "priority", "high",
                "dependencies", List.of(), "tool", "web_search", "parameters", Map.of("query", "bikes"));
        RunProgress progress = RunProgress.of(List.of(
                new RunCreated("run_1", "goal_1", "tenant_1", "user_1", "1.0.0", RunStatus.PENDING, "Bikes",
                        AutonomyLevel.L1),
                new RunStarted("run_1", "tenant_1", "goal_1"),
                new CheckpointRecorded("run_1", "tenant_1", "intent_router", "completed", Map.of("intent", "research")),
                new NodeCompleted("run_1", "tenant_1", "intent_router"),
                new CheckpointRecorded("run_1", "tenant_1", "planner", "completed",
                        Map.of("tasks", List.of(task, task))),
                new NodeCompleted("run_1", "tenant_1", "planner"),
                new StepCompleted("run_1", "tenant_1", 0, "task-0", "web_search", "run_1:0", "executed", Map.of()),
                new StepApprovalResolved("run_1", "tenant_1", 1, "appr_1", ApprovalDecision.EDIT,
                        Map.of("query", "e-bikes"))));

        assertThat(progress.status).isEqualTo(RunStatus.RUNNING);
        assertThat(progress.autonomyLevel).isEqualTo(AutonomyLevel.L1);
        assertThat(progress.intent).isEqualTo("research");
        assertThat(progress.done("planner")).isTrue();
        assertThat(progress.tasks).hasSize(2);
        assertThat(progress.tasks.get(0).tool()).isEqualTo("web_search");
        assertThat(progress.nextTask()).isEqualTo(1);
        assertThat(progress.resolutions.get(1).payload()).containsEntry("query", "e-bikes");
    }
}
