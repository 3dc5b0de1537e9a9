package io.agentledger.command.run.engine;

import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.goal.GoalCommands.ReleaseGoal;
import io.agentledger.kernel.run.RunCommands.FailRun;
import io.agentledger.kernel.run.RunCommands.ResolveStepApproval;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RunPoliciesTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final RunPolicies policies = new RunPolicies(commands);

    private CommandMessage<?> sent() {
        ArgumentCaptor<CommandMessage<?>> captor = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(captor.capture());
        return captor.getValue();
    }

    @Test
    void aDecisionResumesTheRunWithIt() {
        policies.on(new ApprovalDecided("appr_1", "run_1", "tenant_1", ApprovalDecision.EDIT, "user_1", "c",
                Map.of("to", "x"), Map.of()));
        CommandMessage<?> message = sent();
        assertThat(message.getPayload()).isEqualTo(new ResolveStepApproval("run_1", "appr_1", ApprovalDecision.EDIT,
                Map.of("to", "x"), "user_1"));
        assertThat(message.getMetaData()).containsEntry("tenant_id", "tenant_1").containsEntry("correlation_id",
                "run_1");
    }

    @Test
    void anExpiryFailsTheRunSayingWhy() {
        policies.on(new ApprovalExpired("appr_1", "run_1", "tenant_1", Instant.parse("2030-01-01T00:00:00Z")));
        FailRun fail = (FailRun) sent().getPayload();
        assertThat(fail.node()).isEqualTo("executor");
        assertThat(fail.errorMessage()).isEqualTo(
                "Approval appr_1 expired at 2030-01-01T00:00:00Z without a decision");
    }

    @Test
    void aRunEndingWithoutSuccessHandsItsGoalBack() {
        policies.on(new RunFailed("run_1", "tenant_1", "goal_1", "planner", "boom"));
        assertThat(sent().getPayload()).isEqualTo(new ReleaseGoal("goal_1", "run_1", "failed"));
    }

    @Test
    void aCancelledRunOfADeletedGoalIsLeftAlone() {
        when(commands.sendAndWait(any(CommandMessage.class))).thenThrow(new AggregateNotFoundException("goal_1",
                "deleted"));
        assertThatCode(() -> policies.on(new RunCancelled("run_1", "tenant_1", "goal_1", "user_1")))
                .doesNotThrowAnyException();
    }
}
