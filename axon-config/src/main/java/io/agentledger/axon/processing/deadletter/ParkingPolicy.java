package io.agentledger.axon.processing.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * Parks an event whose handling failed for a reason of its own; a transient failure is thrown on, so
 * the processor rolls its batch back and retries with back-off instead of parking every event that
 * arrives while the database or Elasticsearch is away.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientFailures.isTransient(cause)) {
            throw new TransientHandlerFailure(cause);
        }
        return Decisions.enqueue(withoutNul(cause));
    }

    /** The cause is stored as text: a NUL quoted from the event would fail the very write that parks it. */
    private static Throwable withoutNul(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.indexOf('\0') < 0) {
            return cause;
        }
        return new IllegalStateException(cause.getClass().getName() + ": " + message.replace('\0', '\uFFFD'));
    }

    /** Carries a transient failure past the dead-letter queue to the processor's error handler. */
    public static final class TransientHandlerFailure extends RuntimeException {
        TransientHandlerFailure(Throwable cause) {
            super("Transient failure, retried: " + cause.getMessage(), cause);
        }
    }
}
