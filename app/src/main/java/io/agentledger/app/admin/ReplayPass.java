package io.agentledger.app.admin;

import io.agentledger.axon.eventstore.TrackedEventReader;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds several projections with one read of the store: every chunk of events is read and
 * deserialised once and handed to each projection's {@link ReplayLane}, where its handlers take it in
 * a transaction that also stores its token, as its processor would have. The lanes run side by side
 * (at most {@code writers} transactions at once, in all passes together) while the next chunks are read, at most {@link #AHEAD}
 * chunks ahead of the slowest. The processors stay stopped meanwhile; a pass ends at the head it was
 * started for, and the processors go on from there. When one projection fails, the pass stops: every
 * token stays at its projection's last committed chunk, still a replay token where the replay is not
 * done, so each processor finishes its own replay, with its own retries and dead letters.
 */
final class ReplayPass {

    static final int AHEAD = 4;

    private final TrackedEventReader reader;
    private final List<ReplayTarget> targets;
    private final long head;
    private final int chunk;
    private final Semaphore writers;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long events;

    /** {@code writers}: the permits for a transaction, shared by every pass of the node. */
    ReplayPass(TrackedEventReader reader, List<ReplayTarget> targets, long head, int chunk, Semaphore writers) {
        this.reader = reader;
        this.targets = targets;
        this.head = head;
        this.chunk = chunk;
        this.writers = writers;
    }

    long events() {
        return events;
    }

    /** Applies every event up to the head, chunk by chunk while {@code keepGoing}; answers how many were read. */
    long run(TrackingToken from, BooleanSupplier keepGoing) throws Exception {
        BooleanSupplier going = () -> failure.get() == null && keepGoing.getAsBoolean();
        List<ReplayLane> lanes = targets.stream().map(target -> new ReplayLane(target, writers, going, failure))
                .toList();
        try {
            TrackingToken position = from;
            while (going.getAsBoolean()) {
                List<TrackedEventMessage<?>> read = upToHead(reader.readAfter(position, chunk));
                if (read.isEmpty()) {
                    break;
                }
                position = read.get(read.size() - 1).trackingToken();
                boolean last = positionOf(position) >= head;
                for (ReplayLane lane : lanes) {
                    lane.submit(read, last);
                }
                events += read.size();
                if (last) {
                    break;
                }
            }
        } catch (Exception | Error readFailed) {
            failure.compareAndSet(null, readFailed);
        } finally {
            lanes.forEach(ReplayLane::finish);
        }
        Throwable failed = failure.get();
        if (failed instanceof Exception exception) {
            throw exception;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        return events;
    }

    private List<TrackedEventMessage<?>> upToHead(List<TrackedEventMessage<?>> read) {
        int end = read.size();
        while (end > 0 && positionOf(read.get(end - 1).trackingToken()) > head) {
            end--;
        }
        return end == read.size() ? read : read.subList(0, end);
    }

    private static long positionOf(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(Long.MIN_VALUE);
    }
}
