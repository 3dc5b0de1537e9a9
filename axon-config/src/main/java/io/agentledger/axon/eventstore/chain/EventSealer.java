package io.agentledger.axon.eventstore.chain;

import io.agentledger.axon.notify.ConnectionLoop;
import io.agentledger.axon.notify.NotificationLoop;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Chains committed events after their commit (the database's {@code event_chain_seal}), so that no
 * append waits for another. It wakes when this node commits events ({@link AppendSignal}) and looks
 * anyway once a second, for what another node committed and could not seal; each round seals every
 * event waiting, a batch per transaction, then tells this node's processors that the store has grown.
 * It tells them too when another node sealed events (the sealing's notification; its own seals' are
 * recognised by the sending backend and not heard twice).
 * <p>
 * A round starts a little below the last provisional position it sealed, where an append that
 * committed late would be; once in a while it looks at every waiting event, whatever its position.
 */
@Component
public class EventSealer implements SmartLifecycle {

    static final String SEALED = "agentledger_events";
    static final int BATCH = 1000;
    private static final long LATE_WINDOW = 2000;
    private static final Duration FULL_SWEEP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration POLL_ELSEWHERE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(EventSealer.class);

    private final EventStore eventStore;
    private final ConnectionLoop sealing;
    private final NotificationLoop sealedElsewhere;
    private volatile int sealingBackend;
    private long lastProvisional = Long.MIN_VALUE;
    private long lastFullSweep;

    public EventSealer(DataSource dataSource, EventStore eventStore, AppendSignal appended) {
        this.eventStore = eventStore;
        this.sealing = new ConnectionLoop(dataSource, "event-sealer", this::rememberBackend, this::sealWaiting,
                connection -> appended.await(POLL));
        this.sealedElsewhere = new NotificationLoop(dataSource, SEALED, POLL_ELSEWHERE, "event-seal-listener",
                connection -> { }).onNotification(this::sealedBySomeone);
    }

    private void rememberBackend(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet result = query.executeQuery()) {
            result.next();
            sealingBackend = result.getInt(1);
        }
    }

    private void sealedBySomeone(PGNotification notification) {
        if (notification.getPID() != sealingBackend) {
            storeGrew();
        }
    }

    /** Seals what is waiting. */
    void sealWaiting(Connection connection) throws SQLException {
        long now = System.nanoTime();
        boolean fullSweep = now - lastFullSweep > FULL_SWEEP.toNanos();
        long after = fullSweep || lastProvisional == Long.MIN_VALUE ? Long.MIN_VALUE : lastProvisional - LATE_WINDOW;
        long total = 0;
        long sealed;
        do {
            sealed = 0;
            try (PreparedStatement seal = connection.prepareStatement("SELECT sealed, last_provisional FROM "
                    + "event_chain_seal(?, ?)")) {
                seal.setLong(1, after);
                seal.setInt(2, BATCH);
                try (ResultSet result = seal.executeQuery()) {
                    if (result.next()) {
                        sealed = result.getLong(1);
                        if (sealed > 0) {
                            after = result.getLong(2);
                            lastProvisional = Math.max(lastProvisional, after);
                        }
                    }
                }
            }
            total += sealed;
        } while (sealed == BATCH && sealing.running());
        if (fullSweep) {
            lastFullSweep = now;
        }
        if (total > 0) {
            storeGrew();
        }
    }

    /** Publishing nothing wakes the store's reader, which the processors of this node follow. */
    private void storeGrew() {
        try {
            eventStore.publish(List.of());
        } catch (RuntimeException e) {
            log.debug("Could not wake the event processors: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        sealing.start();
        sealedElsewhere.start();
    }

    @Override
    public void stop() {
        sealedElsewhere.stop(Duration.ZERO);
        sealing.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return sealing.running();
    }

    /**
     * Starts before the processors and the web server and stops after them; what commits after its last
     * round is sealed by the next sealer to run, here or on another node.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
