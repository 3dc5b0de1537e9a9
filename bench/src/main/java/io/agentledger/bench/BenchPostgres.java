package io.agentledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
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
    private final Path dataDirectory;
    private final String url;
    private final String user;
    private final String password;

    private BenchPostgres(EmbeddedPostgres embedded, Path dataDirectory, String url, String user, String password) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static BenchPostgres start(BenchSettings settings) throws IOException {
        if (settings.databaseUrl() != null) {
            return new BenchPostgres(null, null, settings.databaseUrl(), settings.databaseUser(),
                    settings.databasePassword());
        }
        Path dataDirectory = settings.output().resolve("postgres").toAbsolutePath();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "1GB")
                .start();
        return new BenchPostgres(postgres, dataDirectory, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
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

    /** The postmaster's process id (the first line of its pid file), or -1 for a server the harness did not start. */
    long pid() {
        if (dataDirectory == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
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
