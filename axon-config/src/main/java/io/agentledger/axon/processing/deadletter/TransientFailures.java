package io.agentledger.axon.processing.deadletter;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Failures that say nothing about the event: a database or search cluster that cannot be reached, a
 * deadlock, a missing table or privilege. They would fail every event alike, so the processor retries
 * them. A failure caused by the event's own data (a value the column refuses, a broken constraint)
 * or by the handler's logic is the event's problem and parks its sequence.
 */
public final class TransientFailures {

    /** SQLSTATE classes caused by the data written: data exception, integrity constraint violation. */
    private static final Set<String> DATA_SQL_STATE_CLASSES = Set.of("22", "23");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return !DATA_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2));
            }
        }
        return false;
    }
}
