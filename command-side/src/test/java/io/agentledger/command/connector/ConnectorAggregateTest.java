package io.agentledger.command.connector;

import io.agentledger.kernel.connector.ConnectorCommands.CompleteSync;
import io.agentledger.kernel.connector.ConnectorCommands.MarkConnectorFailed;
import io.agentledger.kernel.connector.ConnectorCommands.RemoveConnector;
import io.agentledger.kernel.connector.ConnectorCommands.StartSync;
import io.agentledger.kernel.connector.ConnectorCommands.UpdateConnector;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorConnected;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorFailed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorRemoved;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncCompleted;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncStarted;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorUpdated;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class ConnectorAggregateTest {

    private static final ConnectorConnected CONNECTED = new ConnectorConnected("conn_1", "tenant_1", "user_1",
            "mailhub", "Work Mail", List.of("mail.read"), "cred_1", Instant.parse("2026-01-01T00:00:00Z"), true, 300);

    private AggregateTestFixture<ConnectorAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ConnectorAggregate.class);
    }

    @Test
    void aSyncStartsOnceAndEndsWithItsCounts() {
        fixture.given(CONNECTED)
                .when(new StartSync("conn_1", "tenant_1", "sync_1", "user_2"))
                .expectEvents(new ConnectorSyncStarted("conn_1", "tenant_1", "sync_1", "user_2"))
                .expectResultMessagePayload("cred_1");
        fixture.given(CONNECTED, new ConnectorSyncStarted("conn_1", "tenant_1", "sync_1", "user_2"))
                .when(new StartSync("conn_1", "tenant_1", "sync_2", "user_2"))
                .expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(CONNECTED, new ConnectorSyncStarted("conn_1", "tenant_1", "sync_1", "user_2"))
                .when(new CompleteSync("conn_1", "sync_1", 3, java.util.List.of()))
                .expectEvents(new ConnectorSyncCompleted("conn_1", "tenant_1", "sync_1", 3));
    }

    @Test
    void aDisabledOrFailedConnectorDoesNotSync() {
        fixture.given(CONNECTED, new ConnectorUpdated("conn_1", "tenant_1", "user_1", null, null, null, false))
                .when(new StartSync("conn_1", "tenant_1", "sync_1", "user_1"))
                .expectExceptionMessage("Connector conn_1 is disabled");
        fixture.given(CONNECTED, new ConnectorFailed("conn_1", "tenant_1", "Token refresh failed"))
                .when(new StartSync("conn_1", "tenant_1", "sync_1", "user_1"))
                .expectExceptionMessage("Connector conn_1 is in error: connect it again");
    }

    @Test
    void aFailureIsRecordedOnce() {
        fixture.given(CONNECTED, new ConnectorFailed("conn_1", "tenant_1", "first"))
                .when(new MarkConnectorFailed("conn_1", "second"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherTenantLearnsNothingAndARemovedConnectorIsGone() {
        fixture.given(CONNECTED)
                .when(new UpdateConnector("conn_1", "tenant_2", "user_9", "Mine", null, null, null))
                .expectExceptionMessage("Connector conn_1 not found");
        fixture.given(CONNECTED)
                .when(new RemoveConnector("conn_1", "tenant_1", "user_1"))
                .expectEvents(new ConnectorRemoved("conn_1", "tenant_1", "user_1", "cred_1"))
                .expectResultMessagePayload(1L);
        fixture.given(CONNECTED, new ConnectorRemoved("conn_1", "tenant_1", "user_1", "cred_1"))
                .when(new StartSync("conn_1", "tenant_1", "sync_1", "user_1"))
                .expectExceptionMessage("Connector conn_1 not found");
    }
}
