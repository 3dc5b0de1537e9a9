package io.agentledger.axon.eventstore;

import io.agentledger.axon.eventstore.chain.AppendSignal;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.DateTimeUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.PreparedStatement;

/**
 * Axon's JDBC storage engine as its auto-configuration builds it, except where a token is derived from
 * the lowest stored position: an event waits for its seal at a negative provisional position (see
 * {@code EventSealer}), and a processor starting from the tail must start at the sealed history, never
 * below it, or it would read an event before its seal and again after; and where a duplicate key is
 * recognised (see {@link DuplicateKeyResolver}); and the sealer is woken after each commit that stored
 * events (see {@link AppendSignal}).
 */
@Configuration(proxyBeanMethods = false)
public class EventStorageEngineConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema schema,
                                                 AppendSignal appendSignal) {
        return new SignallingJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .createTailToken((connection, s) -> connection.prepareStatement("SELECT min("
                        + s.globalIndexColumn() + ") - 1 FROM " + s.domainEventTable() + " WHERE "
                        + s.globalIndexColumn() + " > 0"))
                .createTokenAt((connection, s, instant) -> {
                    PreparedStatement statement = connection.prepareStatement("SELECT min(" + s.globalIndexColumn()
                            + ") - 1 FROM " + s.domainEventTable() + " WHERE " + s.timestampColumn() + " >= ? AND "
                            + s.globalIndexColumn() + " > 0");
                    statement.setString(1, DateTimeUtils.formatInstant(instant));
                    return statement;
                }), appendSignal);
    }
}
