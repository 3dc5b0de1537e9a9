package io.agentledger.axon.eventstore.chain;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells this node's sealer that events were committed here, in memory. Appends used to wake it with a
 * PostgreSQL notification; a transaction that notifies takes a database-wide lock from its commit to its
 * end, so every append waited for the previous append's commit to reach the disk. Events committed by
 * other nodes are sealed by their own sealer (or by this one's poll, should that node die first).
 */
@Component
public class AppendSignal {

    private final Semaphore committed = new Semaphore(0);

    /** After a commit that stored events. */
    public void committed() {
        if (committed.availablePermits() == 0) {
            committed.release();
        }
    }

    /** Waits at most {@code timeout} for a commit, forgetting what was signalled before it returns. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean came = committed.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        committed.drainPermits();
        return came;
    }
}
