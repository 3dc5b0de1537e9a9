package io.agentledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * A process that starts the zero-setup PostgreSQL on a directory, stores a row, says "ready" and
 * waits to be killed: the service as it is when someone runs kill -9 on it.
 */
public final class PostgresHolder {

    private PostgresHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgresStarter.start(Path.of(args[0]), true, false,
                Duration.ofMinutes(2));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivor (value TEXT)");
            statement.execute("INSERT INTO survivor VALUES ('" + args[1] + "')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
