package io.agentledger.axon.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/** Rolling a read-model handler back to its savepoint after {@code failure}, which keeps the cause first. */
public final class Savepoints {

    private Savepoints() {
    }

    public static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }
}
