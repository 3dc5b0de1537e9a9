package io.agentledger.app.admin;

import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One projection's side of a {@link ReplayPass}: its chunks, in order, on a thread of its own, at most
 * {@link ReplayPass#AHEAD} waiting; a database transaction only while one of the pass's writer permits is
 * held. After a failure anywhere, the chunks still waiting are dropped.
 */
final class ReplayLane {

    private final ReplayTarget target;
    private final Semaphore writers;
    private final BooleanSupplier going;
    private final AtomicReference<Throwable> failure;
    private final Semaphore waiting = new Semaphore(ReplayPass.AHEAD);
    private final ExecutorService thread;

    ReplayLane(ReplayTarget target, Semaphore writers, BooleanSupplier going, AtomicReference<Throwable> failure) {
        this.target = target;
        this.writers = writers;
        this.going = going;
        this.failure = failure;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread lane = new Thread(r, "projection-replay-" + target.name());
            lane.setDaemon(true);
            return lane;
        });
    }

    /** Queues a chunk, waiting while this lane is {@link ReplayPass#AHEAD} chunks behind. */
    void submit(List<TrackedEventMessage<?>> chunk, boolean last) throws InterruptedException {
        waiting.acquire();
        thread.execute(() -> {
            try {
                if (going.getAsBoolean()) {
                    target.apply(chunk, last, writers);
                }
            } catch (Exception | Error failed) {
                failure.compareAndSet(null, failed);
            } finally {
                waiting.release();
            }
        });
    }

    /** Lets the queued chunks be applied (or dropped, after a failure) and ends the thread. */
    void finish() {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                failure.compareAndSet(null, new IllegalStateException(target.name() + " is still applying a chunk"));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, interrupted);
        }
    }
}
