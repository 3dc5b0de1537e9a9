package io.agentledger.axon.eventstore.chain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UnsealedTailTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private static final Duration ALLOWED = Duration.ofSeconds(30);

    @Test
    void sealingIsBehindOnlyWhenAnEventWaitedLongerThanAllowed() {
        assertThat(new ChainReader.UnsealedTail(0, null).behind(NOW, ALLOWED)).isFalse();
        assertThat(new ChainReader.UnsealedTail(5, NOW.minusSeconds(30)).behind(NOW, ALLOWED)).isFalse();
        assertThat(new ChainReader.UnsealedTail(1, NOW.minusSeconds(31)).behind(NOW, ALLOWED)).isTrue();
    }
}
