package io.agentledger.command.identity;

import io.agentledger.command.identity.InvitationAggregate.InvitationTerms;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.invitation.InvitationCommands.AcceptInvitation;
import io.agentledger.kernel.invitation.InvitationCommands.InviteUser;
import io.agentledger.kernel.invitation.InvitationEvent.InvitationAccepted;
import io.agentledger.kernel.invitation.InvitationEvent.UserInvited;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class InvitationAggregateTest {

    private static final Instant EXPIRY = Instant.parse("2030-01-08T00:00:00Z");
    private static final UserInvited INVITED =
            new UserInvited("inv_1", "tenant_1", "carol@example.com", Role.AUDITOR, "user_admin", EXPIRY);

    private AggregateTestFixture<InvitationAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvitationAggregate.class);
    }

    @Test
    void anAdminInvitesSomeone() {
        fixture.givenNoPriorActivity()
                .when(new InviteUser("inv_1", "tenant_1", "carol@example.com", Role.AUDITOR, "user_admin", EXPIRY))
                .expectEvents(INVITED);
    }

    @Test
    void acceptingAnswersTheTenantAndRole() {
        fixture.given(INVITED)
                .when(new AcceptInvitation("inv_1", "user_carol", "Carol@Example.com",
                        Instant.parse("2030-01-02T00:00:00Z")))
                .expectEvents(new InvitationAccepted("inv_1", "tenant_1", "user_carol"))
                .expectResultMessagePayload(new InvitationTerms("tenant_1", Role.AUDITOR));
    }

    @Test
    void anInvitationIsUsedOnce() {
        fixture.given(INVITED, new InvitationAccepted("inv_1", "tenant_1", "user_carol"))
                .when(new AcceptInvitation("inv_1", "user_eve", "carol@example.com",
                        Instant.parse("2030-01-02T00:00:00Z")))
                .expectExceptionMessage("This invitation has already been used")
                .expectNoEvents();
    }

    @Test
    void anExpiredInvitationIsRefused() {
        fixture.given(INVITED)
                .when(new AcceptInvitation("inv_1", "user_carol", "carol@example.com", EXPIRY))
                .expectExceptionMessage("This invitation has expired")
                .expectNoEvents();
    }

    @Test
    void anInvitationIsForOneEmailAddress() {
        fixture.given(INVITED)
                .when(new AcceptInvitation("inv_1", "user_eve", "eve@example.com",
                        Instant.parse("2030-01-02T00:00:00Z")))
                .expectExceptionMessage("This invitation is for another email address")
                .expectNoEvents();
    }
}
