package io.agentledger.app.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db:5432/ledger?sslmode=require"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db:5432/ledger?sslmode=require", null, null));
    }

    @Test
    void aPostgresUrlIsSplitIntoJdbcUrlAndCredentials() {
        assertThat(DatabaseUrl.parse("postgres://ledger:s3cr%40t@db.internal:6543/agentledger?sslmode=require"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db.internal:6543/agentledger?sslmode=require",
                        "ledger", "s3cr@t"));
        assertThat(DatabaseUrl.parse("postgresql://db/agentledger"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db/agentledger", null, null));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///x")).isInstanceOf(IllegalArgumentException.class);
    }
}
