package io.agentledger.axon.processing.deadletter;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void whatFailsEveryEventAlikeIsRetried() {
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new BadSqlGrammarException("insert", "INSERT …",
                new SQLException("relation does not exist", "42P01")))).as("a missing table").isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    }

    @Test
    void whatTheEventsOwnDataCausesIsParked() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("check",
                new SQLException("violates check constraint", "23514")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("value too long", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("unsupported Unicode escape", "22P05"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("handler logic"))).isFalse();
    }
}
