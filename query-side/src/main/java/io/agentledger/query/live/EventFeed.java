package io.agentledger.query.live;

import io.agentledger.axon.notify.NotificationLoop;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's one reader of new events. It waits for the store's commit notifications (polling as a
 * fallback), keeps the newest {@code window} events in memory, and wakes the subscribers waiting for
 * them. Subscribers pull at their own pace: from this window while they keep up, from the store
 * while they catch up, so no subscriber makes the node hold more than the window.
 */
@Component
public class EventFeed implements SmartLifecycle {

    static final String CHANNEL = "agentledger_events";

    private final StoredEvents store;
    private final DataSource dataSource;
    private final LiveProperties properties;
    private final FeedEvent[] ring;
    private final Set<FeedCursor> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2), 100_000, "live-feed");
    private int first;
    private int size;
    private long windowStart;
    private volatile long head;
    private volatile boolean running;
    private NotificationLoop listener;

    public EventFeed(StoredEvents store, DataSource dataSource, LiveProperties properties) {
        this.store = store;
        this.dataSource = dataSource;
        this.properties = properties;
        this.ring = new FeedEvent[properties.window()];
    }

    /**
     * The events after {@code after} that {@code filter} selects, in order, each once, as far as the
     * subscriber requests. A subscriber that falls out of the window after reaching it ends with
     * {@link StreamBehind}.
     */
    public Flux<FeedEvent> stream(long after, FeedFilter filter) {
        return Flux.create(sink -> {
            FeedCursor cursor = new FeedCursor(this, after, filter, sink, scheduler.createWorker());
            subscribers.incrementAndGet();
            sink.onRequest(n -> cursor.drain());
            sink.onDispose(() -> {
                subscribers.decrementAndGet();
                cursor.close();
            });
        }, FluxSink.OverflowStrategy.ERROR);
    }

    public long head() {
        return head;
    }

    public int subscribers() {
        return subscribers.get();
    }

    /** How many events the window holds now; never more than its capacity. */
    public synchronized int buffered() {
        return size;
    }

    public int capacity() {
        return ring.length;
    }

    StoredEvents store() {
        return store;
    }

    int batch() {
        return properties.batch();
    }

    /** Up to {@code max} events after {@code after}; {@code behind} when the window no longer reaches back there. */
    synchronized Slice window(long after, int max) {
        if (after < windowStart) {
            return new Slice(true, windowStart, List.of());
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (at(middle).position() <= after) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        List<FeedEvent> events = new ArrayList<>(Math.min(max, size - low));
        for (int i = low; i < size && events.size() < max; i++) {
            events.add(at(i));
        }
        return new Slice(false, windowStart, events);
    }

    record Slice(boolean behind, long windowStart, List<FeedEvent> events) {
    }

    /** Registers the cursor to be woken by the next events; false if they are already here. */
    boolean await(FeedCursor cursor, long after) {
        waiting.add(cursor);
        if (head > after) {
            waiting.remove(cursor);
            return false;
        }
        return true;
    }

    void forget(FeedCursor cursor) {
        waiting.remove(cursor);
    }

    private FeedEvent at(int index) {
        return ring[(first + index) % ring.length];
    }

    private void append(List<FeedEvent> events) {
        synchronized (this) {
            for (FeedEvent event : events) {
                if (size == ring.length) {
                    windowStart = ring[first].position();
                    ring[first] = null;
                    first = (first + 1) % ring.length;
                    size--;
                }
                ring[(first + size) % ring.length] = event;
                size++;
                head = event.position();
            }
        }
        List<FeedCursor> woken = new ArrayList<>(waiting);
        waiting.removeAll(woken);
        woken.forEach(FeedCursor::drain);
    }

    private void readNew(Connection connection) {
        List<FeedEvent> batch;
        do {
            batch = store.after(head, Long.MAX_VALUE, properties.batch(), FeedFilter.all());
            if (!batch.isEmpty()) {
                append(batch);
            }
        } while (batch.size() == properties.batch() && running);
    }

    @Override
    public void start() {
        long start = store.head();
        synchronized (this) {
            windowStart = start;
            head = start;
        }
        running = true;
        listener = new NotificationLoop(dataSource, CHANNEL, properties.pollInterval(), "live-event-feed",
                this::readNew);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.stop(Duration.ZERO);
        }
        scheduler.dispose();
    }

    /** Starts before the RSocket servers accept subscribers and stops after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
