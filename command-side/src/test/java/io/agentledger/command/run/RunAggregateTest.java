package io.agentledger.command.run;

import io.agentledger.kernel.run.RunCommands.ProvideInput;
import io.agentledger.kernel.run.RunCommands.RecordToolCall;
import io.agentledger.kernel.run.RunEvent.InputProvided;
import io.agentledger.kernel.run.RunEvent.ToolCalled;

import io.agentledger.command.identity.TenantAggregate;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.run.RunCommands.CancelRun;
import io.agentledger.kernel.run.RunCommands.CompleteRun;
import io.agentledger.kernel.run.RunCommands.FailRun;
import io.agentledger.kernel.run.RunCommands.GateStep;
import io.agentledger.kernel.run.RunCommands.RecordNodeResult;
import io.agentledger.kernel.run.RunCommands.RecordStep;
import io.agentledger.kernel.run.RunCommands.ResolveStepApproval;
import io.agentledger.kernel.run.RunCommands.StartNode;
import io.agentledger.kernel.run.RunEvent.ArtifactProduced;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.NodeFailed;
import io.agentledger.kernel.run.RunEvent.NodeStarted;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.StepApprovalResolved;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunEvent.StepGated;
import io.agentledger.kernel.run.RunCommands.CreateRun;
import io.agentledger.kernel.run.RunCommands.PauseRun;
import io.agentledger.kernel.run.RunCommands.ResumeRun;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.RunResumed;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunStatus;
import io.agentledger.kernel.tenant.TenantCommands.CreateTenant;
import io.agentledger.kernel.tenant.TenantEvent.TenantCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class RunAggregateTest {

    private static final RunCreated CREATED =
            new RunCreated("run_1", "goal_1", "tenant_1", "user_1", "1.0.0", RunStatus.PENDING, "Ship it",
                    AutonomyLevel.L2);
    private static final RunStarted STARTED = new RunStarted("run_1", "tenant_1", "goal_1");

    private AggregateTestFixture<RunAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RunAggregate.class);
    }

    @Test
    void aNewRunIsPending() {
        fixture.givenNoPriorActivity()
                .when(new CreateRun("run_1", "goal_1", "tenant_1", "user_1", "1.0.0", "Ship it", AutonomyLevel.L2))
                .expectEvents(CREATED);
    }

    @Test
    void aRunningRunIsPausedAndResumedByAUser() {
        fixture.given(CREATED, STARTED)
                .when(new PauseRun("run_1", "tenant_1", "user_2"))
                .expectEvents(new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_BY_USER, null, "user_2"))
                .expectResultMessagePayload(2L);
        fixture.given(CREATED, STARTED, new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_BY_USER, null, "u"))
                .when(new ResumeRun("run_1", "tenant_1", "user_2"))
                .expectEvents(new RunResumed("run_1", "tenant_1", "user_2", RunStatus.RUNNING));
    }

    @Test
    void aRunPausedBeforeItStartedResumesToPending() {
        fixture.given(CREATED, new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_BY_USER, null, "u"))
                .when(new ResumeRun("run_1", "tenant_1", "user_2"))
                .expectEvents(new RunResumed("run_1", "tenant_1", "user_2", RunStatus.PENDING));
    }

    @Test
    void aPausedRunTakesInputAndARunningOneRefusesIt() {
        RunPaused paused = new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_FOR_APPROVAL, "executor", null);
        fixture.given(CREATED, STARTED, paused)
                .when(new ProvideInput("run_1", "tenant_1", "Keep it short", "user_2"))
                .expectEvents(new InputProvided("run_1", "tenant_1", "Keep it short", "user_2"));
        fixture.given(CREATED, STARTED)
                .when(new ProvideInput("run_1", "tenant_1", "Keep it short", "user_2"))
                .expectExceptionMessage("Run run_1 is running and not waiting for input; input is taken while a run "
                        + "is paused")
                .expectNoEvents();
        fixture.given(CREATED, STARTED, paused)
                .when(new ProvideInput("run_1", "tenant_2", "Keep it short", "user_2"))
                .expectExceptionMessage("Run run_1 not found");
    }

    @Test
    void aToolCallIsRecordedOnlyWhileTheRunIsRunning() {
        fixture.given(CREATED, STARTED)
                .when(new RecordToolCall("run_1", 0, "task-1", "web_search", java.util.Map.of("query", "scooters")))
                .expectEvents(new ToolCalled("run_1", "tenant_1", 0, "task-1", "web_search",
                        java.util.Map.of("query", "scooters")));
        fixture.given(CREATED)
                .when(new RecordToolCall("run_1", 0, "task-1", "web_search", java.util.Map.of()))
                .expectNoEvents();
    }

    @Test
    void aPausedRunCannotBePausedAgainAndTheRefusalNamesTheState() {
        fixture.given(CREATED, STARTED, new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_BY_USER, null, "u"))
                .when(new PauseRun("run_1", "tenant_1", "user_2"))
                .expectExceptionMessage("Run run_1 is paused and cannot be paused (current status: paused)")
                .expectNoEvents();
    }

    @Test
    void onlyAPausedRunResumes() {
        fixture.given(CREATED, STARTED)
                .when(new ResumeRun("run_1", "tenant_1", "user_2"))
                .expectExceptionMessage("Run run_1 is running and cannot be resumed (current status: running)")
                .expectNoEvents();
    }

    @Test
    void aRunWaitingForApprovalIsNotResumedByHand() {
        fixture.given(CREATED, STARTED,
                        new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_FOR_APPROVAL, "executor", null))
                .when(new ResumeRun("run_1", "tenant_1", "user_2"))
                .expectException(io.agentledger.kernel.error.DomainException.class)
                .expectNoEvents();
    }

    @Test
    void cancellingStopsAnUnfinishedRunOnly() {
        fixture.given(CREATED, STARTED)
                .when(new CancelRun("run_1", "tenant_1", "user_2"))
                .expectEvents(new RunCancelled("run_1", "tenant_1", "goal_1", "user_2"));
        fixture.given(CREATED, STARTED, new RunCompleted("run_1", "tenant_1", "goal_1", "done"))
                .when(new CancelRun("run_1", "tenant_1", "user_2"))
                .expectExceptionMessage("Run run_1 is completed and cannot be cancelled (current status: completed)")
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotTouchTheRun() {
        fixture.given(CREATED, STARTED)
                .when(new CancelRun("run_1", "tenant_2", "user_9"))
                .expectExceptionMessage("Run run_1 not found")
                .expectNoEvents();
    }

    @Test
    void engineStepsAreRecordedOnceEvenWhenRepeated() {
        fixture.given(CREATED, STARTED, new NodeStarted("run_1", "tenant_1", "planner"))
                .when(new StartNode("run_1", "planner"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(CREATED, STARTED)
                .when(new RecordNodeResult("run_1", "planner", Map.of("tasks", List.of())))
                .expectEvents(new CheckpointRecorded("run_1", "tenant_1", "planner", "completed",
                                Map.of("tasks", List.of())),
                        new NodeCompleted("run_1", "tenant_1", "planner"));
        fixture.given(CREATED, STARTED, new StepCompleted("run_1", "tenant_1", 0, "task-0", "web_search",
                        "run_1:0", "executed", Map.of()))
                .when(new RecordStep("run_1", 0, "task-0", "web_search", "run_1:0", "executed", Map.of()))
                .expectNoEvents();
    }

    @Test
    void aGatedStepPausesTheRunUntilItsApprovalIsResolved() {
        fixture.given(CREATED, STARTED)
                .when(new GateStep("run_1", 1, "appr_1"))
                .expectEvents(new StepGated("run_1", "tenant_1", 1, "appr_1"),
                        new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_FOR_APPROVAL, "executor", null));
        fixture.given(CREATED, STARTED, new StepGated("run_1", "tenant_1", 1, "appr_1"),
                        new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_FOR_APPROVAL, "executor", null))
                .when(new ResolveStepApproval("run_1", "appr_1", ApprovalDecision.REJECT, Map.of(), "user_2"))
                .expectEvents(new StepApprovalResolved("run_1", "tenant_1", 1, "appr_1", ApprovalDecision.REJECT,
                                Map.of()),
                        new RunResumed("run_1", "tenant_1", "user_2", RunStatus.RUNNING));
    }

    @Test
    void aDecisionForACancelledRunChangesNothing() {
        fixture.given(CREATED, STARTED, new StepGated("run_1", "tenant_1", 1, "appr_1"),
                        new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_FOR_APPROVAL, "executor", null),
                        new RunCancelled("run_1", "tenant_1", "goal_1", "user_2"))
                .when(new ResolveStepApproval("run_1", "appr_1", ApprovalDecision.APPROVE, Map.of(), "user_2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theEngineCannotStepAPausedRun() {
        fixture.given(CREATED, STARTED, new RunPaused("run_1", "tenant_1", RunAggregate.PAUSED_BY_USER, null, "u"))
                .when(new StartNode("run_1", "planner"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void completingProducesTheArtifactsAndFailingNamesTheNode() {
        fixture.given(CREATED, STARTED)
                .when(new CompleteRun("run_1", "done", Map.of("task-1", "outbox://run_1:1")))
                .expectEvents(new ArtifactProduced("run_1", "tenant_1", "task-1", "outbox://run_1:1"),
                        new RunCompleted("run_1", "tenant_1", "goal_1", "done"));
        fixture.given(CREATED, STARTED)
                .when(new FailRun("run_1", "planner", "planner failed: provider down"))
                .expectEvents(new NodeFailed("run_1", "tenant_1", "planner", "planner failed: provider down"),
                        new RunFailed("run_1", "tenant_1", "goal_1", "planner", "planner failed: provider down"));
        fixture.given(CREATED, STARTED, new RunCompleted("run_1", "tenant_1", "goal_1", "done"))
                .when(new FailRun("run_1", "executor", "late"))
                .expectNoEvents();
    }

    @Test
    void aTenantIsCreatedWithItsOwner() {
        new AggregateTestFixture<>(TenantAggregate.class).givenNoPriorActivity()
                .when(new CreateTenant("tenant_1", "acme", "user_1"))
                .expectEvents(new TenantCreated("tenant_1", "acme", "user_1"));
    }
}
