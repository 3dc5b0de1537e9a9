package io.agentledger.axon.processing.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a read model's handlers run inside savepoints. Savepoints cost round trips on every event, so
 * a processing group runs without them until one of its events fails; its batch is then rolled back
 * and retried guarded for a while, so that the failing event can be parked in the same transaction.
 */
public class GuardedHandling {

    static final Duration GUARDED_FOR = Duration.ofMinutes(5);

    private final Map<String, Instant> guardedUntil = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> insideSavepoint = ThreadLocal.withInitial(() -> false);
    private final Clock clock;

    public GuardedHandling(Clock clock) {
        this.clock = clock;
    }

    boolean guarded(String group) {
        Instant until = guardedUntil.get(group);
        return until != null && until.isAfter(clock.instant());
    }

    void guard(String group) {
        guardedUntil.put(group, clock.instant().plus(GUARDED_FOR));
    }

    /** Whether the handler that failed last on this thread was rolled back to its savepoint. */
    boolean insideSavepoint() {
        return insideSavepoint.get();
    }

    /** The failure of the handler now failing on this thread was contained by its savepoint. */
    void enter() {
        insideSavepoint.set(true);
    }

    void leave() {
        insideSavepoint.set(false);
    }
}
