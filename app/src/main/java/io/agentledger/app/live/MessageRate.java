package io.agentledger.app.live;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How many messages each connection sent in the current window; one past {@code max} is refused. */
final class MessageRate {

    private final int max;
    private final long windowMillis;
    private final Clock clock;
    private final Map<Object, long[]> windows = new ConcurrentHashMap<>();

    MessageRate(int max, long windowMillis, Clock clock) {
        this.max = max;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Counts one message of {@code connection}; true when it is one too many. */
    boolean exceeded(Object connection) {
        long now = clock.millis();
        long[] window = windows.computeIfAbsent(connection, key -> new long[]{now, 0});
        synchronized (window) {
            if (now - window[0] > windowMillis) {
                window[0] = now;
                window[1] = 0;
            }
            return ++window[1] > max;
        }
    }

    void forget(Object connection) {
        windows.remove(connection);
    }
}
