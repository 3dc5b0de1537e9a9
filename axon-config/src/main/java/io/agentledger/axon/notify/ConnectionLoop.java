package io.agentledger.axon.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A thread that holds one database connection (autocommit) and runs a round of work on it, then waits,
 * then runs the next; a lost connection is taken again after a pause. What it waits for is the caller's:
 * a PostgreSQL notification ({@link NotificationLoop}), a signal in memory, a poll interval.
 */
public final class ConnectionLoop {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLoop.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    /** Work on the held connection: once after each (re)connection, or once per round. */
    @FunctionalInterface
    public interface Step {
        void run(Connection connection) throws SQLException;
    }

    /** Between two rounds: returns when the next is due. */
    @FunctionalInterface
    public interface Wait {
        void until(Connection connection) throws SQLException, InterruptedException;
    }

    private final DataSource dataSource;
    private final String name;
    private final Step connected;
    private final Step round;
    private final Wait wait;
    /** The thread that runs the loop; none while stopped. */
    private volatile Thread thread;

    public ConnectionLoop(DataSource dataSource, String name, Step connected, Step round, Wait wait) {
        this.dataSource = dataSource;
        this.name = name;
        this.connected = connected;
        this.round = round;
        this.wait = wait;
    }

    public void start() {
        Thread started = new Thread(this::loop, name);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Stops the thread, waiting for its round to end at most {@code patience} (zero: not at all). */
    public void stop(Duration patience) {
        Thread stopping = thread;
        thread = null;
        if (stopping == null) {
            return;
        }
        stopping.interrupt();
        if (patience.isZero() || patience.isNegative()) {
            return;
        }
        try {
            stopping.join(patience.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return thread != null;
    }

    /** A thread left over from before a stop (and a new start) ends at its next wake-up. */
    private boolean current() {
        return thread == Thread.currentThread();
    }

    private void loop() {
        while (current()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                connected.run(connection);
                while (current()) {
                    round.run(connection);
                    waitForNext(connection);
                }
            } catch (SQLException | RuntimeException failure) {
                if (current()) {
                    log.warn("{} lost its database connection, retrying: {}", name, failure.getMessage());
                    pause();
                }
            }
        }
    }

    private void waitForNext(Connection connection) throws SQLException {
        try {
            wait.until(connection);
        } catch (InterruptedException interrupted) {
            // a stop ends the loop at its check; any other interruption only cuts the wait short
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
