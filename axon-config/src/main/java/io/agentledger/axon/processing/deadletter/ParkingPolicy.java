package io.agentledger.axon.processing.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * Parks an event whose handling failed for a reason of its own; a transient failure is thrown on, so
 * the processor rolls its batch back and retries with back-off instead of parking every event that
 * arrives while the database or Elasticsearch is away. A failure outside a savepoint is thrown on too
 * (what the handler wrote before failing, or an aborted transaction, must not be committed): the
 * group's handlers are guarded from then on, and the retried batch parks the event cleanly.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private final String group;
    private final GuardedHandling guarding;

    public ParkingPolicy(String group, GuardedHandling guarding) {
        this.group = group;
        this.guarding = guarding;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean contained = guarding.insideSavepoint();
        guarding.leave();
        if (TransientFailures.isTransient(cause)) {
            throw new TransientHandlerFailure(cause);
        }
        if (!contained) {
            guarding.guard(group);
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

    /** Carries a failure past the dead-letter queue to the processor's error handler, which retries the batch. */
    public static final class TransientHandlerFailure extends RuntimeException {
        TransientHandlerFailure(Throwable cause) {
            super("Retried: " + cause.getMessage(), cause);
        }
    }
}
