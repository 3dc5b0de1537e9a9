package io.agentledger.command.apikey;

import io.agentledger.kernel.apikey.ApiKeyCommands.CreateApiKey;
import io.agentledger.kernel.apikey.ApiKeyCommands.RecordApiKeyUse;
import io.agentledger.kernel.apikey.ApiKeyCommands.RevokeApiKey;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyCreated;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyRevoked;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyUsed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyAggregateTest {

    private static final ApiKeyCreated CREATED =
            new ApiKeyCreated("key_1", "user_1", "tenant_1", "CLI", "alk_abcdefgh", null);

    private AggregateTestFixture<ApiKeyAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKeyAggregate.class);
    }

    @Test
    void creatingRecordsOnlyTheDisplayPrefix() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKey("key_1", "user_1", "tenant_1", "CLI", "alk_abcdefgh", null))
                .expectEvents(CREATED);
    }

    @Test
    void theOwnerRevokesOnce() {
        fixture.given(CREATED)
                .when(new RevokeApiKey("key_1", "user_1", "tenant_1"))
                .expectEvents(new ApiKeyRevoked("key_1", "user_1", "tenant_1"));
        fixture.given(CREATED, new ApiKeyRevoked("key_1", "user_1", "tenant_1"))
                .when(new RevokeApiKey("key_1", "user_1", "tenant_1"))
                .expectExceptionMessage("API key key_1 is already revoked")
                .expectNoEvents();
    }

    @Test
    void someoneElsesKeyIsNotFound() {
        fixture.given(CREATED)
                .when(new RevokeApiKey("key_1", "user_2", "tenant_1"))
                .expectExceptionMessage("API key key_1 not found")
                .expectNoEvents();
    }

    @Test
    void useIsRecordedUntilRevocation() {
        fixture.given(CREATED)
                .when(new RecordApiKeyUse("key_1"))
                .expectEvents(new ApiKeyUsed("key_1", "user_1", "tenant_1"));
        fixture.given(CREATED, new ApiKeyRevoked("key_1", "user_1", "tenant_1"))
                .when(new RecordApiKeyUse("key_1"))
                .expectNoEvents();
    }
}
