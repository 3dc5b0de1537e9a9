package io.agentledger.command.agent.execution;

import io.agentledger.kernel.agent.ExecutionCommands.CancelExecution;
import io.agentledger.kernel.agent.ExecutionCommands.CompleteExecution;
import io.agentledger.kernel.agent.ExecutionCommands.ExecutionStart;
import io.agentledger.kernel.agent.ExecutionCommands.RequestExecution;
import io.agentledger.kernel.agent.ExecutionCommands.Start;
import io.agentledger.kernel.agent.ExecutionCommands.StartExecution;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCancelled;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCompleted;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionFailed;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionRequested;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionStarted;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionAggregateTest {

    private static final String ID = "exec_1";
    private static final String TENANT = "tenant_1";
    private static final String AGENT = "agent_1";

    private AggregateTestFixture<ExecutionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExecutionAggregate.class);
    }

    private static ExecutionRequested requested() {
        return new ExecutionRequested(ID, TENANT, AGENT, "agv_1", "agent.main:handle", "user_1", Map.of("input", "x"),
                null, 30_000);
    }

    @Test
    void aPendingExecutionStartsWithWhatItWasAskedToRun() {
        fixture.given(requested())
                .when(new StartExecution(ID, "worker-1"))
                .expectEvents(new ExecutionStarted(ID, TENANT, AGENT, "worker-1"))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(new ExecutionStart(Start.RUN,
                        "agv_1", "agent.main:handle", Map.of("input", "x"), null, 30_000)));
    }

    @Test
    void anExecutionWhoseWorkerDiedIsFailedAndNeverRunTwice() {
        fixture.given(requested(), new ExecutionStarted(ID, TENANT, AGENT, "worker-1"))
                .when(new StartExecution(ID, "worker-2"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(ExecutionFailed.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())))
                .expectResultMessagePayload(ExecutionStart.not(Start.INTERRUPTED));
    }

    @Test
    void anEndedExecutionIgnoresLateOutcomesAndRefusesCancel() {
        fixture.given(requested(), new ExecutionStarted(ID, TENANT, AGENT, "w"),
                        new ExecutionCancelled(ID, TENANT, AGENT, "user_1", List.of()))
                .when(new CompleteExecution(ID, Map.of("late", true), 10, List.of()))
                .expectNoEvents();
        fixture.given(requested(), new ExecutionCompleted(ID, TENANT, AGENT, Map.of(), 5, List.of()))
                .when(new CancelExecution(ID, TENANT, "user_1"))
                .expectException(DomainException.class);
    }

    @Test
    void anotherTenantCannotCancel() {
        fixture.given(requested())
                .when(new CancelExecution(ID, "tenant_2", "intruder"))
                .expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(requested())
                .when(new CancelExecution(ID, TENANT, "user_1"))
                .expectEvents(new ExecutionCancelled(ID, TENANT, AGENT, "user_1", List.of()))
                .expectResultMessagePayload(ExecutionStatus.CANCELLED);
    }

    @Test
    void requestingRecordsTheInputAndTheVersion() {
        fixture.givenNoPriorActivity()
                .when(new RequestExecution(ID, TENANT, AGENT, "agv_1", "agent.main:handle", "user_1",
                        Map.of("input", "x"), null, 30_000))
                .expectEvents(requested());
        assertThat(requested().timeoutMs()).isEqualTo(30_000);
    }
}
