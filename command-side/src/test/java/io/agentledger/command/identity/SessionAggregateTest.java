package io.agentledger.command.identity;

import io.agentledger.kernel.session.SessionCommands.EndSession;
import io.agentledger.kernel.session.SessionCommands.RefreshOutcome;
import io.agentledger.kernel.session.SessionCommands.RefreshSession;
import io.agentledger.kernel.session.SessionCommands.StartSession;
import io.agentledger.kernel.session.SessionEvent.RefreshTokenReuseDetected;
import io.agentledger.kernel.session.SessionEvent.SessionEnded;
import io.agentledger.kernel.session.SessionEvent.SessionRefreshed;
import io.agentledger.kernel.session.SessionEvent.SessionStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class SessionAggregateTest {

    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private static final SessionStarted STARTED =
            new SessionStarted("sess_1", "user_1", "tenant_1", "tok_1", EXPIRY, "password");

    private AggregateTestFixture<SessionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SessionAggregate.class);
    }

    @Test
    void loginStartsASession() {
        fixture.givenNoPriorActivity()
                .when(new StartSession("sess_1", "user_1", "tenant_1", "tok_1", EXPIRY, "password"))
                .expectEvents(STARTED);
    }

    @Test
    void presentingTheCurrentTokenRotatesIt() {
        fixture.given(STARTED)
                .when(new RefreshSession("sess_1", "tok_1", "tok_2", EXPIRY))
                .expectEvents(new SessionRefreshed("sess_1", "user_1", "tenant_1", "tok_1", "tok_2", EXPIRY))
                .expectResultMessagePayload(RefreshOutcome.ROTATED);
    }

    @Test
    void presentingARotatedTokenRevokesTheWholeFamilyAndIsRecorded() {
        fixture.given(STARTED, new SessionRefreshed("sess_1", "user_1", "tenant_1", "tok_1", "tok_2", EXPIRY))
                .when(new RefreshSession("sess_1", "tok_1", "tok_3", EXPIRY))
                .expectEvents(new RefreshTokenReuseDetected("sess_1", "user_1", "tenant_1", "tok_1"),
                        new SessionEnded("sess_1", "user_1", "tenant_1", SessionAggregate.ENDED_BY_TOKEN_REUSE))
                .expectResultMessagePayload(RefreshOutcome.REUSE_DETECTED);
    }

    @Test
    void anEndedSessionCannotBeRefreshedEvenWithItsLatestToken() {
        fixture.given(STARTED, new SessionEnded("sess_1", "user_1", "tenant_1", SessionAggregate.ENDED_BY_LOGOUT))
                .when(new RefreshSession("sess_1", "tok_1", "tok_2", EXPIRY))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.SESSION_CLOSED);
    }

    @Test
    void logoutEndsTheSessionOnce() {
        fixture.given(STARTED)
                .when(new EndSession("sess_1", "user_1"))
                .expectEvents(new SessionEnded("sess_1", "user_1", "tenant_1", SessionAggregate.ENDED_BY_LOGOUT));
        fixture.given(STARTED, new SessionEnded("sess_1", "user_1", "tenant_1", SessionAggregate.ENDED_BY_LOGOUT))
                .when(new EndSession("sess_1", "user_1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyEndsSomeoneElsesSession() {
        fixture.given(STARTED)
                .when(new EndSession("sess_1", "user_2"))
                .expectExceptionMessage("Session sess_1 not found")
                .expectNoEvents();
    }
}
