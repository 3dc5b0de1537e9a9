package io.agentledger.app.database;

import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-setup PostgreSQL runs with the buffer cache its setting (auto by default) sizes to the machine. */
class EmbeddedPostgresMemoryIT extends IntegrationTest {

    @Test
    void sharedBuffersFollowTheSetting() {
        long megabytes = jdbc.queryForObject("SELECT setting::bigint * 8 / 1024 FROM pg_settings "
                + "WHERE name = 'shared_buffers'", Long.class);
        assertThat(megabytes).isEqualTo(EmbeddedPostgresMemory.sharedBuffersMb("auto"));
    }
}
