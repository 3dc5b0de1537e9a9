package io.agentledger.axon.notify;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@link ConnectionLoop} listening on a PostgreSQL notification channel: it runs a round of work at
 * once, after each notification, and at least every {@code poll}. Optionally it hands each
 * notification's payload on, and says when it (re)connected, since notifications sent while it was
 * away are lost.
 */
public final class NotificationLoop {

    private final String channel;
    private final Duration poll;
    private final ConnectionLoop loop;
    private Consumer<PGNotification> notifications = notification -> { };
    private Runnable connected = () -> { };

    public NotificationLoop(DataSource dataSource, String channel, Duration poll, String name,
                            ConnectionLoop.Step round) {
        this.channel = channel;
        this.poll = poll;
        this.loop = new ConnectionLoop(dataSource, name, this::listen, round, this::receive);
    }

    /** Before {@link #start()}: receives each notification's payload, on the loop's thread. */
    public NotificationLoop onPayload(Consumer<String> receiver) {
        return onNotification(notification -> receiver.accept(notification.getParameter()));
    }

    /** Before {@link #start()}: receives each notification (with the sending backend's process id). */
    public NotificationLoop onNotification(Consumer<PGNotification> receiver) {
        this.notifications = receiver;
        return this;
    }

    /** Before {@link #start()}: runs each time the loop listens again after a (re)connection. */
    public NotificationLoop onConnected(Runnable action) {
        this.connected = action;
        return this;
    }

    public void start() {
        loop.start();
    }

    /** Stops the thread, waiting for its round to end at most {@code wait} (zero: not at all). */
    public void stop(Duration wait) {
        loop.stop(wait);
    }

    public boolean running() {
        return loop.running();
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
        connected.run();
    }

    private void receive(Connection connection) throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications((int) poll.toMillis());
        if (received != null) {
            for (PGNotification notification : received) {
                notifications.accept(notification);
            }
        }
    }
}
