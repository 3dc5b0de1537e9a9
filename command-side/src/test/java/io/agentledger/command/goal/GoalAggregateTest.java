package io.agentledger.command.goal;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.GoalChanges;
import io.agentledger.kernel.goal.GoalCommands.CreateGoal;
import io.agentledger.kernel.goal.GoalCommands.DeleteGoal;
import io.agentledger.kernel.goal.GoalCommands.StartGoal;
import io.agentledger.kernel.goal.GoalCommands.StartedGoal;
import io.agentledger.kernel.goal.GoalCommands.UpdateGoal;
import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalEvent.GoalDeleted;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.goal.GoalEvent.GoalUpdated;
import io.agentledger.kernel.goal.GoalStatus;
import io.agentledger.kernel.goal.Priority;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

class GoalAggregateTest {

    private static final String GOAL = "goal_1";
    private static final String TENANT = "tenant_1";
    private static final String USER = "user_1";

    private AggregateTestFixture<GoalAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GoalAggregate.class);
    }

    private static GoalCreated created() {
        return new GoalCreated(GOAL, TENANT, USER, "Ship it", AutonomyLevel.L2, Map.of("budget", 10), GoalStatus.DRAFT,
                Priority.MEDIUM, null, BigDecimal.TEN, Map.of());
    }

    private static GoalChanges priority(Priority priority) {
        return new GoalChanges(null, null, null, null, priority, null, null, null, null);
    }

    @Test
    void creatingAGoalRecordsItAsADraft() {
        fixture.givenNoPriorActivity()
                .when(new CreateGoal(GOAL, TENANT, USER, "Ship it", AutonomyLevel.L2, Map.of("budget", 10),
                        Priority.MEDIUM, null, BigDecimal.TEN, Map.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void aGoalWithoutTextIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateGoal(GOAL, TENANT, USER, "  ", AutonomyLevel.L2, Map.of(), Priority.LOW, null, null,
                        Map.of()))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateRecordsOnlyWhatChangedAndAnswersTheNewVersion() {
        fixture.given(created())
                .when(new UpdateGoal(GOAL, TENANT, USER, 0L, priority(Priority.URGENT)))
                .expectEvents(new GoalUpdated(GOAL, TENANT, USER, priority(Priority.URGENT)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        fixture.given(created(), new GoalUpdated(GOAL, TENANT, USER, priority(Priority.HIGH)))
                .when(new UpdateGoal(GOAL, TENANT, USER, 0L, priority(Priority.URGENT)))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotSeeTheGoal() {
        fixture.given(created())
                .when(new UpdateGoal(GOAL, "tenant_other", USER, null, priority(Priority.URGENT)))
                .expectExceptionMessage("Goal goal_1 not found")
                .expectNoEvents();
    }

    @Test
    void anEmptyUpdateIsRefused() {
        fixture.given(created())
                .when(new UpdateGoal(GOAL, TENANT, USER, null,
                        new GoalChanges(null, null, null, null, null, null, null, null, null)))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void statusCanOnlyBeClosedByAnUpdate() {
        fixture.given(created())
                .when(new UpdateGoal(GOAL, TENANT, USER, null,
                        new GoalChanges(null, null, null, GoalStatus.ACTIVE, null, null, null, null, null)))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aCancelledGoalCannotBeUpdatedOrStarted() {
        GoalChanges cancel = new GoalChanges(null, null, null, GoalStatus.CANCELLED, null, null, null, null, null);
        fixture.given(created(), new GoalUpdated(GOAL, TENANT, USER, cancel))
                .when(new StartGoal(GOAL, TENANT, USER, "run_1"))
                .expectExceptionMessage("Goal goal_1 is cancelled and cannot be started")
                .expectNoEvents();
    }

    @Test
    void startingADraftMakesItActiveWithARun() {
        fixture.given(created())
                .when(new StartGoal(GOAL, TENANT, USER, "run_1"))
                .expectEvents(new GoalStarted(GOAL, TENANT, USER, "run_1", GoalStatus.DRAFT))
                .expectResultMessagePayload(new StartedGoal(1L, "Ship it", AutonomyLevel.L2));
    }

    @Test
    void anActiveGoalCannotBeStartedTwice() {
        fixture.given(created(), new GoalStarted(GOAL, TENANT, USER, "run_1", GoalStatus.DRAFT))
                .when(new StartGoal(GOAL, TENANT, USER, "run_2"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void deletingIsAnEventAndTheGoalIsGoneAfterwards() {
        fixture.given(created())
                .when(new DeleteGoal(GOAL, TENANT, USER, null))
                .expectEvents(new GoalDeleted(GOAL, TENANT, USER));
        fixture.given(created(), new GoalDeleted(GOAL, TENANT, USER))
                .when(new UpdateGoal(GOAL, TENANT, USER, null, priority(Priority.LOW)))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
