package io.agentledger.app.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void aSubjectGetsItsLimitThenWaitsForTheNextToken() {
        for (int remaining = 1; remaining >= 0; remaining--) {
            RateLimiter.Decision allowed = limiter.tryAcquire("user:u1:read", 2);
            assertThat(allowed.allowed()).isTrue();
            assertThat(allowed.remaining()).isEqualTo(remaining);
        }
        RateLimiter.Decision refused = limiter.tryAcquire("user:u1:read", 2);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter().toSeconds()).isBetween(1L, 30L);
        assertThat(refused.fullAgainAt()).isAfter(Instant.parse("2026-01-01T00:00:29Z"))
                .isBefore(Instant.parse("2026-01-01T00:01:01Z"));
        assertThat(limiter.tryAcquire("user:u2:read", 2).allowed()).as("another subject").isTrue();
    }

    @Test
    void aChangedLimitStartsAFreshAllowance() {
        limiter.tryAcquire("ip:127.0.0.1:write", 1);
        assertThat(limiter.tryAcquire("ip:127.0.0.1:write", 1).allowed()).isFalse();
        RateLimiter.Decision raised = limiter.tryAcquire("ip:127.0.0.1:write", 10);
        assertThat(raised.allowed()).isTrue();
        assertThat(raised.limit()).isEqualTo(10);
        assertThat(raised.remaining()).isEqualTo(9);
    }
}
