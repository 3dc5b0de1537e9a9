package io.agentledger.command.identity;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.stepup.StepUpCommands.EnrolmentProof;
import io.agentledger.kernel.stepup.StepUpCommands.IssueBackupCodes;
import io.agentledger.kernel.stepup.StepUpCommands.RegisterAuthenticator;
import io.agentledger.kernel.stepup.StepUpCommands.RemoveAuthenticator;
import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRegistered;
import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRemoved;
import io.agentledger.kernel.stepup.StepUpEvent.BackupCodesIssued;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stolen token must not turn into lasting step-up power: who may enrol which factor, decided by the user. */
class FactorEnrolmentTest {

    private static final UserRegistered BOB = new UserRegistered("user_bob", "tenant_1", "bob@example.com", "bob",
            "Bob", Role.USER, null);
    private static final AuthenticatorRegistered KEY = new AuthenticatorRegistered("user_bob", "tenant_1", "authn_1",
            "cred_1", "AAAA", 0);
    private static final EnrolmentProof API_KEY_WITH_STEP_UP = new EnrolmentProof(false, false, true);
    private static final EnrolmentProof TOKEN_ONLY = new EnrolmentProof(true, false, false);
    private static final EnrolmentProof PASSWORD = new EnrolmentProof(true, true, false);
    private static final EnrolmentProof STEPPED_UP = new EnrolmentProof(true, false, true);

    private AggregateTestFixture<UserAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
    }

    private static RegisterAuthenticator enrol(String id, EnrolmentProof proof) {
        return new RegisterAuthenticator("user_bob", "tenant_1", id, "cred_" + id, "AAAA", 0, 0, proof);
    }

    @Test
    void theFirstFactorNeedsThePasswordNotJustAToken() {
        fixture.given(BOB).when(enrol("authn_1", TOKEN_ONLY)).expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("password"));
        fixture.given(BOB).when(new IssueBackupCodes("user_bob", "tenant_1", 10, TOKEN_ONLY))
                .expectException(DomainException.class);
        fixture.given(BOB).when(enrol("authn_1", PASSWORD)).expectEvents(new AuthenticatorRegistered("user_bob",
                "tenant_1", "authn_1", "cred_authn_1", "AAAA", 0));
    }

    @Test
    void theFirstAuthenticatorBringsItsBackupCodesInTheSameDecision() {
        fixture.given(BOB).when(new RegisterAuthenticator("user_bob", "tenant_1", "authn_1", "cred_1", "AAAA", 0, 10,
                PASSWORD)).expectEvents(new AuthenticatorRegistered("user_bob", "tenant_1", "authn_1", "cred_1",
                "AAAA", 0), new BackupCodesIssued("user_bob", "tenant_1", 10));
    }

    @Test
    void anApiKeyNeverEnrolsEvenWithAStepUp() {
        fixture.given(BOB).when(enrol("authn_1", API_KEY_WITH_STEP_UP)).expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("API key"));
        fixture.given(BOB, KEY).when(new IssueBackupCodes("user_bob", "tenant_1", 10, API_KEY_WITH_STEP_UP))
                .expectException(DomainException.class);
    }

    @Test
    void onceAFactorExistsThePasswordIsNotEnoughAStepUpIs() {
        fixture.given(BOB, KEY).when(enrol("authn_2", PASSWORD))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("verify first"));
        fixture.given(BOB, new BackupCodesIssued("user_bob", "tenant_1", 10))
                .when(new IssueBackupCodes("user_bob", "tenant_1", 10, PASSWORD))
                .expectException(DomainException.class);
        fixture.given(BOB, KEY).when(enrol("authn_2", STEPPED_UP)).expectSuccessfulHandlerExecution()
                .expectEvents(new AuthenticatorRegistered("user_bob", "tenant_1", "authn_2", "cred_authn_2", "AAAA",
                        0));
    }

    @Test
    void removingAnAuthenticatorNeedsAStepUpAndIsRecorded() {
        fixture.given(BOB, KEY).when(new RemoveAuthenticator("user_bob", "tenant_1", "authn_1", PASSWORD))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(BOB, KEY).when(new RemoveAuthenticator("user_bob", "tenant_1", "authn_1", STEPPED_UP))
                .expectEvents(new AuthenticatorRemoved("user_bob", "tenant_1", "authn_1"));
        fixture.given(BOB, KEY, new AuthenticatorRemoved("user_bob", "tenant_1", "authn_1"))
                .when(new RemoveAuthenticator("user_bob", "tenant_1", "authn_1", STEPPED_UP))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not found"));
    }

    @Test
    void aRemovedLastAuthenticatorMakesThePasswordRuleApplyAgain() {
        fixture.given(BOB, KEY, new AuthenticatorRemoved("user_bob", "tenant_1", "authn_1"))
                .when(enrol("authn_2", PASSWORD)).expectSuccessfulHandlerExecution();
    }
}
