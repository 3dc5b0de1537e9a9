package io.agentledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the service, the references and the seeding share: the build's embedded server with the
 * service's own durable defaults (fsync and synchronous commit on), or the server of {@code bench.database.url}.
 * Each user gets a fresh database of its own.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private BenchPostgres(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static BenchPostgres start(BenchSettings settings) throws IOException {
        if (settings.databaseUrl() != null) {
            return new BenchPostgres(null, settings.databaseUrl(), settings.databaseUser(),
                    settings.databasePassword());
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.output().resolve("postgres").toAbsolutePath())
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "1GB")
                .start();
        return new BenchPostgres(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** A JDBC URL of a fresh, empty database called {@code name}. */
    String freshDatabase(String name) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
