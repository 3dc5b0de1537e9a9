package io.agentledger.command.credential;

import io.agentledger.kernel.credential.CredentialCommands.ChangeCredential;
import io.agentledger.kernel.credential.CredentialCommands.DeleteCredential;
import io.agentledger.kernel.credential.CredentialCommands.StoreCredential;
import io.agentledger.kernel.credential.CredentialEvent.CredentialStored;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.SealedValue;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's shared secrets are written by its admins only; a user's own credentials by that user. */
class SharedSecretWritesTest {

    private static final SealedValue SEALED = new SealedValue("c2VhbGVk", "dk_1");
    private static final CredentialStored SECRET = new CredentialStored("cred_1", "tenant_1", "user_admin",
            CredentialKind.SECRET, "DEPLOY_TOKEN", null, SEALED, null, null, false);

    private AggregateTestFixture<CredentialAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CredentialAggregate.class);
    }

    @Test
    void aMemberWhoIsNotAnAdminCannotStoreChangeOrDeleteASharedSecret() {
        fixture.givenNoPriorActivity().when(new StoreCredential("cred_2", "tenant_1", "user_member",
                        CredentialKind.SECRET, "TOKEN", null, SEALED, null, null, false, false))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(SECRET).when(new ChangeCredential("cred_1", "tenant_1", "user_member", SEALED, null, null, null,
                false)).expectException(DomainException.class).expectNoEvents();
        fixture.given(SECRET).when(new DeleteCredential("cred_1", "tenant_1", "user_member", false))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("admins")).expectNoEvents();
    }

    @Test
    void anAdminWritesSecretsAndAnyoneTheirOwnCredentials() {
        fixture.given(SECRET).when(new DeleteCredential("cred_1", "tenant_1", "user_other_admin", true))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(new StoreCredential("cred_3", "tenant_1", "user_member",
                        CredentialKind.CREDENTIAL, "github", null, SEALED, null, null, false, false))
                .expectSuccessfulHandlerExecution();
    }
}
