package io.agentledger.axon.eventstore;

import io.agentledger.axon.eventstore.chain.AppendSignal;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SignallingJdbcEventStorageEngineTest {

    private final AppendSignal signal = new AppendSignal();
    private final SignallingJdbcEventStorageEngine engine = new SignallingJdbcEventStorageEngine(
            JdbcEventStorageEngine.builder()
                    .connectionProvider(SignallingJdbcEventStorageEngineTest::acceptingConnection)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer()), signal);

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void inATransactionTheSealerIsWokenOnlyOnceItCommits() throws InterruptedException {
        TransactionSynchronizationManager.initSynchronization();
        engine.appendEvents(event());
        assertThat(signal.await(Duration.ZERO)).as("woken before the commit").isFalse();

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(signal.await(Duration.ZERO)).isTrue();
        assertThat(signal.await(Duration.ZERO)).as("one wake per signal").isFalse();
    }

    @Test
    void aRolledBackAppendDoesNotWakeIt() throws InterruptedException {
        TransactionSynchronizationManager.initSynchronization();
        engine.appendEvents(event());
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(signal.await(Duration.ZERO)).isFalse();
    }

    @Test
    void withoutATransactionTheAppendHasCommittedWhenItReturns() throws InterruptedException {
        engine.appendEvents(event());
        assertThat(signal.await(Duration.ZERO)).isTrue();
    }

    @Test
    void publishingNothingDoesNotWakeIt() throws InterruptedException {
        engine.appendEvents(List.of());
        assertThat(signal.await(Duration.ZERO)).isFalse();
    }

    private static GenericDomainEventMessage<String> event() {
        return new GenericDomainEventMessage<>("Goal", "goal-1", 0, "created");
    }

    private static Connection acceptingConnection() throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class);
        when(statement.executeBatch()).thenReturn(new int[] {1});
        Connection connection = mock(Connection.class);
        when(connection.prepareStatement(anyString())).thenReturn(statement);
        return connection;
    }
}
