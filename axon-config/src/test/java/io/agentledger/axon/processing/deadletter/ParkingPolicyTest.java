package io.agentledger.axon.processing.deadletter;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parking needs a contained failure: the first one makes the group guarded and its batch retried. */
class ParkingPolicyTest {

    private final GuardedHandling guarding = new GuardedHandling(Clock.systemUTC());
    private final ParkingPolicy policy = new ParkingPolicy("goal-summary", guarding);
    private final SQLException badValue = new SQLException("violates check constraint", "23514");

    private GenericDeadLetter<org.axonframework.eventhandling.EventMessage<?>> letter() {
        return new GenericDeadLetter<>("goal_1", GenericEventMessage.asEventMessage("payload"), badValue);
    }

    @Test
    void aFailureOutsideASavepointIsRetriedAndGuardsTheGroup() {
        assertThat(guarding.guarded("goal-summary")).isFalse();

        assertThatThrownBy(() -> policy.decide(letter(), badValue))
                .isInstanceOf(ParkingPolicy.TransientHandlerFailure.class);

        assertThat(guarding.guarded("goal-summary")).isTrue();
        assertThat(guarding.guarded("run-summary")).isFalse();
    }

    @Test
    void aFailureContainedByItsSavepointIsParked() {
        guarding.enter();

        assertThat(policy.decide(letter(), badValue).shouldEnqueue()).isTrue();
        assertThat(guarding.insideSavepoint()).as("the mark is used once").isFalse();
    }

    @Test
    void aTransientFailureIsRetriedEvenWhenContained() {
        guarding.enter();
        SQLException unreachable = new SQLException("connection refused", "08001");

        assertThatThrownBy(() -> policy.decide(letter(), unreachable))
                .isInstanceOf(ParkingPolicy.TransientHandlerFailure.class);
    }
}
