package io.agentledger.axon.cluster;

import io.agentledger.axon.notify.NotificationLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every node, this one included, that something it may hold in memory changed: a PostgreSQL
 * notification sent in the transaction of the change, so it arrives once that commits and never for a
 * change rolled back. A node that lost its listening connection may have missed some, so on every
 * (re)connection the {@link #onResync} actions run (caches forget everything).
 */
@Component
public class ClusterSignals implements SmartLifecycle {

    static final String CHANNEL = "agentledger_signals";
    /** A tracking read model changed; its key names the version query that reads it. */
    public static final String READ_MODEL_VERSION = "version";
    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

    private final JdbcTemplate jdbc;
    private final NotificationLoop loop;
    private final Map<String, List<Consumer<String>>> receivers = new ConcurrentHashMap<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();

    public ClusterSignals(DataSource dataSource, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.loop = new NotificationLoop(dataSource, CHANNEL, Duration.ofSeconds(1), "cluster-signals", c -> { })
                .onPayload(this::dispatch)
                .onConnected(() -> resyncs.forEach(ClusterSignals::quietly));
    }

    /** Sends {@code kind}:{@code key} in the current transaction (at once outside one). */
    public void send(String kind, String key) {
        jdbc.query("SELECT pg_notify(?, ?)", row -> { }, CHANNEL, kind + ":" + key);
    }

    /** {@code receiver} gets the key of every {@code kind} signal, on the listening thread: keep it short. */
    public Registration on(String kind, Consumer<String> receiver) {
        receivers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(receiver);
        return () -> receivers.getOrDefault(kind, List.of()).remove(receiver);
    }

    public void onResync(Runnable action) {
        resyncs.add(action);
    }

    @FunctionalInterface
    public interface Registration {
        void cancel();
    }

    private void dispatch(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        String key = payload.substring(colon + 1);
        for (Consumer<String> receiver : receivers.getOrDefault(payload.substring(0, colon), List.of())) {
            quietly(() -> receiver.accept(key));
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("A cluster signal's receiver failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(Duration.ZERO);
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }

    /** Listening before anything serves, so no change committed after a cache filled is missed. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 500;
    }
}
