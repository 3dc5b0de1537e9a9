package io.agentledger.axon.eventstore;

import io.agentledger.axon.eventstore.chain.AppendSignal;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's JDBC storage engine that wakes the sealer once the transaction storing events commits, and reads
 * tracked events in fetches of any size for a rebuild.
 */
class SignallingJdbcEventStorageEngine extends JdbcEventStorageEngine implements TrackedEventReader {

    private final AppendSignal signal;

    SignallingJdbcEventStorageEngine(Builder builder, AppendSignal signal) {
        super(builder);
        this.signal = signal;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.committed();
                }
            });
        } else {
            signal.committed();
        }
    }

    @Override
    public List<TrackedEventMessage<?>> readAfter(TrackingToken after, int max) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(after, max).stream(),
                getEventSerializer(), upcasterChain).toList();
    }
}
