package io.agentledger.app.admin;

import io.agentledger.axon.eventstore.TrackedEventReader;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayPassTest {

    private static final String NAME = "test-projection";

    private final List<TrackedEventMessage<?>> store = LongStream.rangeClosed(1, 8)
            .<TrackedEventMessage<?>>mapToObj(i -> new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i),
                    GenericEventMessage.asEventMessage(i % 4 == 0 ? (Object) i : "e" + i)))
            .toList();
    private final List<TrackingToken> readsAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TrackedEventReader reader = (after, max) -> {
        readsAfter.add(after);
        long from = after == null ? 0 : after.position().orElseThrow();
        return store.stream().filter(e -> e.trackingToken().position().orElseThrow() > from).limit(max).toList();
    };
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final Transactions transactions = new Transactions();
    private final Recorder recorder = new Recorder();

    @Test
    void eachChunkIsReadOnceHandledInOneTransactionAndTheReplayEndsAtTheHead() throws Exception {
        ReplayTarget target = resetAt(3);

        long read = pass(target, 6, 2).run(target.readsFrom(), () -> true);

        assertThat(read).isEqualTo(6);
        assertThat(recorder.seen).as("strings only, each once, replays flagged until the token at the reset")
                .containsExactly("e1 replay", "e2 replay", "e3 replay", "e5", "e6");
        assertThat(readsAfter).containsExactly(null, new GlobalSequenceTrackingToken(2), new GlobalSequenceTrackingToken(4));
        assertThat(transactions.commits).isEqualTo(3);
        assertThat(recorder.unitsOfWork).as("one unit of work per chunk").hasSize(3);
        assertThat(tokens.fetchToken(NAME, 0)).as("past the reset: a plain token at the head")
                .isEqualTo(new GlobalSequenceTrackingToken(6));
    }

    @Test
    void aFailingChunkIsRolledBackAndTheTokenStaysAReplayAtTheLastCommittedChunk() {
        ReplayTarget target = resetAt(5);
        recorder.failOn = "e3";

        assertThatThrownBy(() -> pass(target, 8, 2).run(target.readsFrom(), () -> true))
                .hasMessageContaining("cannot apply e3");

        assertThat(transactions.commits).isEqualTo(1);
        assertThat(transactions.rollbacks).isEqualTo(1);
        TrackingToken stored = tokens.fetchToken(NAME, 0);
        assertThat(ReplayToken.isReplay(stored)).as("the processor finishes the replay: " + stored).isTrue();
        assertThat(stored.position()).hasValue(2);
    }

    @Test
    void aPassAskedToStopAppliesNoChunkAfterThat() throws Exception {
        ReplayTarget target = resetAt(8);

        pass(target, 8, 3).run(target.readsFrom(), () -> recorder.seen.size() < 3);

        assertThat(recorder.seen).containsExactly("e1 replay", "e2 replay", "e3 replay");
        assertThat(tokens.fetchToken(NAME, 0).position()).hasValue(3);
    }

    @Test
    void aChunkWithNothingToHandleStoresNoTokenUnlessItIsTheLast() throws Exception {
        ReplayTarget target = resetAt(2);

        pass(target, 8, 1).run(target.readsFrom(), () -> true);

        assertThat(recorder.seen).containsExactly("e1 replay", "e2 replay", "e3", "e5", "e6", "e7");
        assertThat(transactions.commits).as("six chunks handled, and the last one, which has nothing to handle")
                .isEqualTo(7);
        assertThat(tokens.fetchToken(NAME, 0)).isEqualTo(new GlobalSequenceTrackingToken(8));
    }

    private ReplayPass pass(ReplayTarget target, long head, int chunk) {
        return new ReplayPass(reader, List.of(target), head, chunk, new java.util.concurrent.Semaphore(2));
    }

    private ReplayTarget resetAt(long position) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
                .tokenStore(tokens)
                .transactionManager(transactions)
                .build();
        tokens.initializeTokenSegments(NAME, 1);
        // as a processor's reset stores it: a replay token from the tail, whose start is itself one
        TrackingToken atReset = new GlobalSequenceTrackingToken(position);
        TrackingToken replay = ReplayToken.createReplayToken(atReset, ReplayToken.createReplayToken(atReset, null));
        tokens.storeToken(replay, NAME, 0);
        return new ReplayTarget(processor, tokens, transactions, replay);
    }

    static final class Recorder {
        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Object> unitsOfWork = new java.util.concurrent.CopyOnWriteArrayList<>();
        String failOn;

        @EventHandler
        void on(String payload, ReplayStatus status) {
            if (payload.equals(failOn)) {
                throw new IllegalStateException("cannot apply " + payload);
            }
            Object unitOfWork = CurrentUnitOfWork.get().root();
            if (!unitsOfWork.contains(unitOfWork)) {
                unitsOfWork.add(unitOfWork);
            }
            seen.add(payload + (status.isReplay() ? " replay" : ""));
        }
    }

    static final class Transactions implements TransactionManager {
        volatile int commits;
        volatile int rollbacks;

        @Override
        public Transaction startTransaction() {
            return new Transaction() {
                @Override
                public void commit() {
                    commits++;
                }

                @Override
                public void rollback() {
                    rollbacks++;
                }
            };
        }
    }
}
