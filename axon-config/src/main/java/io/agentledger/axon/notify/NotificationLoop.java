package io.agentledger.axon.notify;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A thread that holds one connection listening on a PostgreSQL notification channel and runs a round
 * of work at once, after each notification, and at least every {@code poll}; a lost connection is
 * taken again after a pause. Optionally it hands each notification's payload on, and says when it
 * (re)connected, since notifications sent while it was away are lost.
 */
public final class NotificationLoop {

    private static final Logger log = LoggerFactory.getLogger(NotificationLoop.class);

    /** The work of one round, on the listening connection (autocommit). */
    @FunctionalInterface
    public interface Round {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String channel;
    private final Duration poll;
    private final String name;
    private final Round round;
    private Consumer<String> payloads = payload -> { };
    private Runnable connected = () -> { };
    private volatile boolean running;
    private volatile Thread thread;

    public NotificationLoop(DataSource dataSource, String channel, Duration poll, String name, Round round) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.poll = poll;
        this.name = name;
        this.round = round;
    }

    /** Before {@link #start()}: receives each notification's payload, on the loop's thread. */
    public NotificationLoop onPayload(Consumer<String> receiver) {
        this.payloads = receiver;
        return this;
    }

    /** Before {@link #start()}: runs each time the loop listens again after a (re)connection. */
    public NotificationLoop onConnected(Runnable action) {
        this.connected = action;
        return this;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread, waiting for its round to end at most {@code wait} (zero: not at all). */
    public void stop(Duration wait) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            if (wait.isZero() || wait.isNegative()) {
                return;
            }
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean running() {
        return running;
    }

    /** A thread left over from before a stop and a new start ends at its next wake-up. */
    private boolean current() {
        return running && thread == Thread.currentThread();
    }

    private void loop() {
        while (current()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                connected.run();
                while (current()) {
                    round.run(connection);
                    PGNotification[] received = notifications.getNotifications((int) poll.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            payloads.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (current()) {
                    log.warn("{} lost its database connection, retrying: {}", name, failure.getMessage());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
