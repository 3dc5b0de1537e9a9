package io.agentledger.command.identity;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.user.UserCommands.ChangeUserPreferences;
import io.agentledger.kernel.user.UserCommands.ChangeUserRole;
import io.agentledger.kernel.user.UserCommands.DeactivateUser;
import io.agentledger.kernel.user.UserCommands.RegisterUser;
import io.agentledger.kernel.user.UserEvent.UserDeactivated;
import io.agentledger.kernel.user.UserEvent.UserPreferencesChanged;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import io.agentledger.kernel.user.UserEvent.UserRoleChanged;
import io.agentledger.kernel.stepup.StepUpCommands.RecordStepUp;
import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRegistered;
import io.agentledger.kernel.stepup.StepUpEvent.StepUpVerified;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

class UserAggregateTest {

    private static final UserRegistered BOB = new UserRegistered("user_bob", "tenant_1", "bob@example.com", "bob",
            "Bob", Role.USER, null);

    private AggregateTestFixture<UserAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
    }

    @Test
    void registeringRecordsTheUserWithoutAnyPasswordMaterial() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("user_bob", "tenant_1", "bob@example.com", "bob", "Bob", Role.USER, null))
                .expectEvents(BOB);
    }

    @Test
    void anAdminChangesAnotherUsersRole() {
        fixture.given(BOB)
                .when(new ChangeUserRole("user_bob", "tenant_1", Role.AUDITOR, "user_admin"))
                .expectEvents(new UserRoleChanged("user_bob", "tenant_1", Role.USER, Role.AUDITOR, "user_admin"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void settingTheSameRoleAgainRecordsNothing() {
        fixture.given(BOB)
                .when(new ChangeUserRole("user_bob", "tenant_1", Role.USER, "user_admin"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void nobodyChangesTheirOwnRole() {
        fixture.given(BOB)
                .when(new ChangeUserRole("user_bob", "tenant_1", Role.ADMIN, "user_bob"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantsAdminCannotTouchTheUser() {
        fixture.given(BOB)
                .when(new DeactivateUser("user_bob", "tenant_2", "user_admin"))
                .expectExceptionMessage("User user_bob not found")
                .expectNoEvents();
    }

    @Test
    void deactivationHappensOnce() {
        fixture.given(BOB)
                .when(new DeactivateUser("user_bob", "tenant_1", "user_admin"))
                .expectEvents(new UserDeactivated("user_bob", "tenant_1", "user_admin"));
        fixture.given(BOB, new UserDeactivated("user_bob", "tenant_1", "user_admin"))
                .when(new DeactivateUser("user_bob", "tenant_1", "user_admin"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void preferencesRecordTheChangedKeys() {
        fixture.given(BOB)
                .when(new ChangeUserPreferences("user_bob", "tenant_1", Map.of("theme", "dark")))
                .expectEvents(new UserPreferencesChanged("user_bob", "tenant_1", Map.of("theme", "dark")));
        fixture.given(BOB)
                .when(new ChangeUserPreferences("user_bob", "tenant_1", Map.of()))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    private static final AuthenticatorRegistered KEY = new AuthenticatorRegistered("user_bob", "tenant_1", "authn_1",
            "cred-raw-id", "attested", 5);
    private static final Instant UNTIL = Instant.parse("2026-01-01T00:05:00Z");

    @Test
    void aStepUpWhoseSignatureCounterAdvancesIsRecorded() {
        fixture.given(BOB, KEY)
                .when(new RecordStepUp("user_bob", "tenant_1", "sess_1", "webauthn", "authn_1", 6, UNTIL))
                .expectEvents(new StepUpVerified("user_bob", "tenant_1", "sess_1", "webauthn", "authn_1", 6, UNTIL));
    }

    @Test
    void aSignatureCounterThatDoesNotAdvanceIsAReplayAndRefused() {
        fixture.given(BOB, KEY, new StepUpVerified("user_bob", "tenant_1", "sess_1", "webauthn", "authn_1", 7, UNTIL))
                .when(new RecordStepUp("user_bob", "tenant_1", "sess_2", "webauthn", "authn_1", 7, UNTIL))
                .expectException(DomainException.class)
                .expectExceptionMessage("The authenticator's signature counter did not advance: the assertion was "
                        + "replayed")
                .expectNoEvents();
    }

    @Test
    void anAuthenticatorWithoutACounterIsNotHeldToOne() {
        fixture.given(BOB, new AuthenticatorRegistered("user_bob", "tenant_1", "authn_2", "raw", "attested", 0))
                .when(new RecordStepUp("user_bob", "tenant_1", "sess_1", "webauthn", "authn_2", 0, UNTIL))
                .expectEvents(new StepUpVerified("user_bob", "tenant_1", "sess_1", "webauthn", "authn_2", 0, UNTIL));
    }

    @Test
    void anUnknownAuthenticatorCannotStepUp() {
        fixture.given(BOB)
                .when(new RecordStepUp("user_bob", "tenant_1", "sess_1", "webauthn", "authn_9", 1, UNTIL))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
