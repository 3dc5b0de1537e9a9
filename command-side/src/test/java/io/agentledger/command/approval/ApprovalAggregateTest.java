package io.agentledger.command.approval;

import io.agentledger.kernel.approval.ApprovalCommands.DecideApproval;
import io.agentledger.kernel.approval.ApprovalCommands.RequestApproval;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

class ApprovalAggregateTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofHours(1));
    private static final Map<String, Object> PAYLOAD = Map.of("to", "team@example.com", "subject", "Launch");
    private static final ApprovalRequested REQUESTED = new ApprovalRequested("appr_1", "run_1", "goal_1", "tenant_1",
            "executor", "run_1:1", "send_email", PAYLOAD, "needs a human", new BigDecimal("0.02"), DEADLINE);

    private AggregateTestFixture<ApprovalAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApprovalAggregate.class);
    }

    @Test
    void aRequestSchedulesItsExpiryAtTheDeadline() {
        fixture.givenCurrentTime(NOW)
                .when(new RequestApproval("appr_1", "run_1", "goal_1", "tenant_1", "executor", "run_1:1",
                        "send_email", PAYLOAD, "needs a human", new BigDecimal("0.02"), DEADLINE))
                .expectEvents(REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ofHours(1), ApprovalAggregate.EXPIRY);
    }

    @Test
    void approvingRecordsTheDeciderAndCancelsTheExpiry() {
        fixture.givenCurrentTime(NOW)
                .andGiven(REQUESTED)
                .when(new DecideApproval("appr_1", "tenant_1", ApprovalDecision.APPROVE, "fine", null, "user_1"))
                .expectEvents(new ApprovalDecided("appr_1", "run_1", "tenant_1", ApprovalDecision.APPROVE, "user_1",
                        "fine", PAYLOAD, Map.of()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anEditRecordsWhatChanged() {
        Map<String, Object> edited = Map.of("to", "leads@example.com", "subject", "Launch");
        fixture.given(REQUESTED)
                .when(new DecideApproval("appr_1", "tenant_1", ApprovalDecision.EDIT, "narrower", edited, "user_1"))
                .expectEvents(new ApprovalDecided("appr_1", "run_1", "tenant_1", ApprovalDecision.EDIT, "user_1",
                        "narrower", edited, Map.of("to", Map.of("before", "team@example.com",
                        "after", "leads@example.com"))));
    }

    @Test
    void anEditNeedsAPayloadAndOnlyAnEditTakesOne() {
        fixture.given(REQUESTED)
                .when(new DecideApproval("appr_1", "tenant_1", ApprovalDecision.EDIT, null, Map.of(), "user_1"))
                .expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(REQUESTED)
                .when(new DecideApproval("appr_1", "tenant_1", ApprovalDecision.REJECT, null, PAYLOAD, "user_1"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anApprovalIsDecidedOnce() {
        fixture.given(REQUESTED, new ApprovalDecided("appr_1", "run_1", "tenant_1", ApprovalDecision.REJECT, "u",
                        null, PAYLOAD, Map.of()))
                .when(new DecideApproval("appr_1", "tenant_1", ApprovalDecision.APPROVE, null, null, "user_1"))
                .expectExceptionMessage("Approval appr_1 is already rejected")
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotDecide() {
        fixture.given(REQUESTED)
                .when(new DecideApproval("appr_1", "tenant_2", ApprovalDecision.APPROVE, null, null, "user_9"))
                .expectExceptionMessage("Approval appr_1 not found")
                .expectNoEvents();
    }

    @Test
    void withoutADecisionTheApprovalExpiresAtItsDeadline() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RequestApproval("appr_1", "run_1", "goal_1", "tenant_1", "executor",
                        "run_1:1", "send_email", PAYLOAD, "needs a human", new BigDecimal("0.02"), DEADLINE))
                .whenTimeElapses(Duration.ofHours(1).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(ApprovalAggregate.EXPIRY)
                .expectEvents(new ApprovalExpired("appr_1", "run_1", "tenant_1", DEADLINE));
    }

    @Test
    void aDecidedApprovalDoesNotExpire() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RequestApproval("appr_1", "run_1", "goal_1", "tenant_1", "executor",
                                "run_1:1", "send_email", PAYLOAD, "needs a human", new BigDecimal("0.02"), DEADLINE),
                        new DecideApproval("appr_1", "tenant_1", ApprovalDecision.APPROVE, null, null, "user_1"))
                .whenTimeElapses(Duration.ofHours(2))
                .expectNoEvents();
    }
}
