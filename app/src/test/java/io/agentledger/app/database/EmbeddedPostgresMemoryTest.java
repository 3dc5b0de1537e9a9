package io.agentledger.app.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresMemoryTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void autoTakesAnEighthOfTheMachineBetweenPostgresDefaultAndTwoGigabytes() {
        assertThat(EmbeddedPostgresMemory.sharedBuffersMb("auto", 16 * GB)).isEqualTo(2048);
        assertThat(EmbeddedPostgresMemory.sharedBuffersMb("AUTO", 8 * GB)).isEqualTo(1024);
        assertThat(EmbeddedPostgresMemory.sharedBuffersMb(null, 64 * GB)).isEqualTo(2048);
        assertThat(EmbeddedPostgresMemory.sharedBuffersMb("auto", GB / 2)).isEqualTo(128);
    }

    @Test
    void aSizeIsTakenAsItIs() {
        assertThat(EmbeddedPostgresMemory.sharedBuffersMb("512MB", 64 * GB)).isEqualTo(512);
        assertThat(EmbeddedPostgresMemory.sharedBuffersMb(" 3gb ", GB)).isEqualTo(3072);
    }

    @Test
    void anythingElseIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> EmbeddedPostgresMemory.sharedBuffersMb("lots", GB))
                .hasMessageContaining("agentledger.embedded-postgres.shared-buffers");
        assertThatThrownBy(() -> EmbeddedPostgresMemory.sharedBuffersMb("64MB", GB))
                .hasMessageContaining("at least 128MB");
        assertThatThrownBy(() -> EmbeddedPostgresMemory.sharedBuffersMb("-1GB", GB))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
