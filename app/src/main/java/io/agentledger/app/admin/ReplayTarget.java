package io.agentledger.app.admin;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * One projection in a {@link ReplayPass}: its processor's handlers, interceptors and dead letters, fed
 * the chunks its processor would have been fed (the events it handles, each carrying the processor's
 * replay token), its token stored with its writes.
 */
final class ReplayTarget {

    private final String name;
    private final EventHandlerInvoker invoker;
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
    private final TokenStore tokenStore;
    static final Duration STORE_AT_LEAST_EVERY = Duration.ofSeconds(2);

    private final Map<Class<?>, Boolean> handledTypes = new HashMap<>();
    private final TransactionManager transactions;
    private TrackingToken token;
    private long storedAt = System.nanoTime();

    ReplayTarget(TrackingEventProcessor processor, TokenStore tokenStore, TransactionManager transactions,
                 TrackingToken token) {
        this.transactions = transactions;
        this.name = processor.getName();
        this.invoker = processor.eventHandlerInvoker();
        this.interceptors = processor.getHandlerInterceptors();
        this.tokenStore = tokenStore;
        this.token = token;
    }

    String name() {
        return name;
    }

    /** Where the replay reads from: the position inside the replay token (itself a replay token from the tail). */
    TrackingToken readsFrom() {
        return WrappedToken.unwrapLowerBound(token);
    }

    /**
     * Handles a chunk in a transaction of its own that stores the token after it too. A chunk with nothing
     * to handle touches the database only when it is the last or the token was stored too long ago (a
     * claim not renewed would lapse).
     */
    void apply(List<TrackedEventMessage<?>> chunk, boolean last, Semaphore writers) throws Exception {
        List<TrackedEventMessage<?>> handled = new ArrayList<>();
        for (TrackedEventMessage<?> event : chunk) {
            token = WrappedToken.advance(token, event.trackingToken());
            if (handles(event)) {
                handled.add(event.withTrackingToken(token));
            }
        }
        if (handled.isEmpty() && !last && System.nanoTime() - storedAt < STORE_AT_LEAST_EVERY.toNanos()) {
            return;
        }
        writers.acquire();
        try {
            inTransaction(handled);
        } finally {
            writers.release();
        }
        storedAt = System.nanoTime();
    }

    private void inTransaction(List<TrackedEventMessage<?>> handled) throws Exception {
        Transaction transaction = transactions.startTransaction();
        try {
            if (handled.isEmpty()) {
                tokenStore.storeToken(token, name, Segment.ROOT_SEGMENT.getSegmentId());
            } else {
                handle(handled);
            }
        } catch (Exception | Error failure) {
            transaction.rollback();
            throw failure;
        }
        transaction.commit();
    }

    private boolean handles(TrackedEventMessage<?> event) {
        return handledTypes.computeIfAbsent(event.getPayloadType(), invoker::canHandleType)
                && invoker.canHandle(event, Segment.ROOT_SEGMENT);
    }

    private void handle(List<TrackedEventMessage<?>> events) throws Exception {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        // what the tracking processor's own interceptor reads to store the token with the chunk's writes
        unitOfWork.resources().put("Processor[" + name + "]/SegmentId", Segment.ROOT_SEGMENT.getSegmentId());
        unitOfWork.resources().put("Processor[" + name + "]/Token", token);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, interceptors, message -> {
                    invoker.handle(message, Segment.ROOT_SEGMENT);
                    return null;
                }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
        }
    }
}
