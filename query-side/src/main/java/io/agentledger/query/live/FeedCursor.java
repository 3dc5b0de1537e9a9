package io.agentledger.query.live;

import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One subscriber's place in the event order. It reads only while the subscriber has requested
 * events, one step at a time on its own worker: from the store while it catches up, then from the
 * feed's window. {@code after} moves past an event once it is delivered or filtered out, so the
 * subscriber gets each selected event exactly once, in order.
 */
final class FeedCursor {

    private final EventFeed feed;
    private final FeedFilter filter;
    private final FluxSink<FeedEvent> sink;
    private final Scheduler.Worker worker;
    private final AtomicInteger work = new AtomicInteger();
    private long after;
    private boolean live;
    private volatile boolean closed;

    FeedCursor(EventFeed feed, long after, FeedFilter filter, FluxSink<FeedEvent> sink, Scheduler.Worker worker) {
        this.feed = feed;
        this.after = after;
        this.filter = filter;
        this.sink = sink;
        this.worker = worker;
    }

    void drain() {
        if (!closed && work.getAndIncrement() == 0) {
            worker.schedule(this::run);
        }
    }

    void close() {
        closed = true;
        feed.forget(this);
        worker.dispose();
    }

    private void run() {
        int missed = 1;
        do {
            try {
                pump();
            } catch (RuntimeException failure) {
                closed = true;
                sink.error(failure);
                return;
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    private void pump() {
        while (!closed && sink.requestedFromDownstream() > 0) {
            EventFeed.Slice slice = feed.window(after, feed.batch());
            if (slice.behind()) {
                if (live) {
                    closed = true;
                    sink.error(new StreamBehind(after, feed.head()));
                    return;
                }
                List<FeedEvent> stored = feed.store().after(after, slice.windowStart(), feed.batch(), filter);
                if (deliver(stored) && stored.size() < feed.batch()) {
                    after = Math.max(after, slice.windowStart());
                }
            } else {
                live = true;
                if (slice.events().isEmpty()) {
                    if (feed.await(this, after)) {
                        return;
                    }
                } else {
                    deliver(slice.events());
                }
            }
        }
    }

    /** @return whether every event was passed (delivered or filtered out); false when demand ran out */
    private boolean deliver(List<FeedEvent> events) {
        for (FeedEvent event : events) {
            if (filter.test().test(event)) {
                if (closed || sink.requestedFromDownstream() == 0) {
                    return false;
                }
                sink.next(event);
            }
            after = event.position();
        }
        return true;
    }
}
