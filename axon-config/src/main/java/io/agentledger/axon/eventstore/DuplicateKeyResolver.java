package io.agentledger.axon.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * PostgreSQL's unique violation (SQL state 23505) anywhere in the failure, also behind a batch update's
 * next exception: two nodes appending the same aggregate sequence number is a concurrent change (409),
 * which the resolver Axon derives from the driver's error codes does not recognise in a batch.
 */
public final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && violatesUniqueness(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean violatesUniqueness(SQLException failure) {
        for (SQLException each = failure; each != null; each = each.getNextException()) {
            if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
