package io.agentledger.command.task;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.task.TaskCommands.CallTool;
import io.agentledger.kernel.task.TaskCommands.GiveInput;
import io.agentledger.kernel.task.TaskCommands.RecordTurn;
import io.agentledger.kernel.task.TaskCommands.ReturnTool;
import io.agentledger.kernel.task.TaskCommands.StartTask;
import io.agentledger.kernel.task.TaskCommands.StopTask;
import io.agentledger.kernel.task.TaskCommands.StoredArtifact;
import io.agentledger.kernel.task.TaskCommands.TaskStart;
import io.agentledger.kernel.task.TaskEvent.TaskArtifactStored;
import io.agentledger.kernel.task.TaskEvent.TaskCreated;
import io.agentledger.kernel.task.TaskEvent.TaskFailed;
import io.agentledger.kernel.task.TaskEvent.TaskPlanned;
import io.agentledger.kernel.task.TaskEvent.TaskStarted;
import io.agentledger.kernel.task.TaskEvent.TaskStopped;
import io.agentledger.kernel.task.TaskEvent.TaskToolCalled;
import io.agentledger.kernel.task.TaskEvent.TaskToolReturned;
import io.agentledger.kernel.task.TaskEvent.TaskTurnTaken;
import io.agentledger.kernel.task.TaskStatus;
import io.agentledger.kernel.task.TaskStep;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskAggregateTest {

    private static final String ID = "task_1";
    private static final String TENANT = "tenant_1";
    private static final List<TaskStep> PLAN = List.of(new TaskStep("step-1", "Write a.txt", "write_file"));

    private AggregateTestFixture<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskAggregate.class);
    }

    private static TaskCreated created() {
        return new TaskCreated(ID, TENANT, "tses_1", "user_1", "write a file named a.txt", null, "offline");
    }

    @Test
    void aTaskStartsOnceAndOneThatStartedBeforeIsFailedNotRunAgain() {
        fixture.given(created()).when(new StartTask(ID, "w1"))
                .expectEvents(new TaskStarted(ID, TENANT, "w1")).expectResultMessagePayload(TaskStart.RUN);
        fixture.given(created(), new TaskStarted(ID, TENANT, "w1")).when(new StartTask(ID, "w2"))
                .expectResultMessagePayload(TaskStart.INTERRUPTED)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(TaskFailed.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aTurnRecordsThePlanOnlyWhenItChanged() {
        fixture.given(created(), new TaskStarted(ID, TENANT, "w1"))
                .when(new RecordTurn(ID, "Step 1", PLAN, "offline", "instructions", 0, 0))
                .expectEvents(new TaskPlanned(ID, TENANT, PLAN),
                        new TaskTurnTaken(ID, TENANT, 1, "Step 1", "offline", "instructions", 0, 0));
        fixture.given(created(), new TaskStarted(ID, TENANT, "w1"), new TaskPlanned(ID, TENANT, PLAN),
                        new TaskTurnTaken(ID, TENANT, 1, "Step 1", "offline", "instructions", 0, 0))
                .when(new RecordTurn(ID, "Step 2", PLAN, "offline", "instructions", 0, 0))
                .expectEvents(new TaskTurnTaken(ID, TENANT, 2, "Step 2", "offline", "instructions", 0, 0));
    }

    @Test
    void aStoppedTaskTakesNoNewCallButTheResultOfTheRunningOneIsKept() {
        StoredArtifact artifact = new StoredArtifact("art_1", "a.txt", "file", "text/plain", 3, "ab".repeat(32));
        fixture.given(created(), new TaskStarted(ID, TENANT, "w1"),
                        new TaskToolCalled(ID, TENANT, "step-1", "write_file", Map.of("path", "a.txt")),
                        new TaskStopped(ID, TENANT, "user_1"))
                .when(new ReturnTool(ID, "step-1", "write_file", "Wrote 3 bytes", true, 5, artifact))
                .expectEvents(new TaskToolReturned(ID, TENANT, "step-1", "write_file", "Wrote 3 bytes", true, 5),
                        new TaskArtifactStored(ID, TENANT, "art_1", "step-1", "a.txt", "file", "text/plain", 3,
                                "ab".repeat(32)))
                .expectResultMessagePayload(TaskStatus.STOPPED);
        fixture.given(created(), new TaskStarted(ID, TENANT, "w1"), new TaskStopped(ID, TENANT, "user_1"))
                .when(new CallTool(ID, "step-1", "read_file", Map.of()))
                .expectNoEvents().expectResultMessagePayload(TaskStatus.STOPPED);
    }

    @Test
    void anotherTenantCannotStopOrTalkToATaskAndAnEndedOneRefuses() {
        fixture.given(created()).when(new StopTask(ID, "tenant_2", "user_2"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created()).when(new GiveInput(ID, "tenant_2", "hi", "user_2"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created(), new TaskStopped(ID, TENANT, "user_1")).when(new StopTask(ID, TENANT, "user_1"))
                .expectException(DomainException.class).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("already ended (stopped)"));
        assertThat(TaskStatus.STOPPED.ended()).isTrue();
    }
}
