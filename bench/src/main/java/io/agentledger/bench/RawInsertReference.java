package io.agentledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The physical reference: one single-row INSERT transaction per operation over JDBC, of a row shaped like
 * AgentLedger's goal row, with as many connections as clients. Nothing can write a goal faster than this.
 */
final class RawInsertReference {

    private static final String INSERT = "INSERT INTO raw_goal (id, tenant_id, user_id, text, status, priority, "
            + "autonomy_level, metadata, created_at, updated_at, version) VALUES (?, ?, ?, ?, 'pending', 'medium', "
            + "'supervised', '{}'::jsonb, ?, ?, 0)";

    private RawInsertReference() {
    }

    static LoadResult run(BenchPostgres postgres, String jdbcUrl, int clients, Duration duration) throws Exception {
        try (Connection setup = postgres.connect(jdbcUrl); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_goal (id VARCHAR(64) PRIMARY KEY, "
                    + "tenant_id VARCHAR(64) NOT NULL, user_id VARCHAR(64) NOT NULL, text TEXT NOT NULL, "
                    + "status VARCHAR(32) NOT NULL, priority VARCHAR(16) NOT NULL, autonomy_level VARCHAR(32) NOT NULL, "
                    + "metadata JSONB NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL, "
                    + "version BIGINT NOT NULL)");
            statement.execute("CREATE INDEX IF NOT EXISTS raw_goal_tenant ON raw_goal (tenant_id, created_at)");
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(postgres.connect(jdbcUrl));
            }
            return ClosedLoop.run(clients, duration, client -> {
                Connection connection = connections.get(client);
                return () -> {
                    insert(connection, client);
                    return ClosedLoop.Outcome.OK;
                };
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void insert(Connection connection, int client) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "tenant_" + client);
            insert.setString(3, "user_" + client);
            insert.setString(4, "Benchmark goal of client " + client);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        }
    }
}
