package io.agentledger.app.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One Bucket4j token bucket per subject (a user or an IP address) and request class, holding
 * {@code limit} requests and refilled greedily over a minute. A changed limit starts a fresh bucket.
 * Buckets idle for two minutes are full again anyway and are dropped, which bounds the memory.
 */
@Component
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Cache<String, Limited> buckets = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2)).maximumSize(200_000).build();
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    public Decision tryAcquire(String subject, long limit) {
        Limited limited = buckets.asMap().compute(subject, (key, existing) ->
                existing != null && existing.limit == limit ? existing : new Limited(limit));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        Instant now = clock.instant();
        Instant full = now.plusNanos(probe.getNanosToWaitForReset());
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), full,
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** {@code fullAgainAt}: when the bucket is whole again; {@code retryAfter}: when the next token comes. */
    public record Decision(boolean allowed, long limit, long remaining, Instant fullAgainAt, Duration retryAfter) {
    }

    private static final class Limited {
        final long limit;
        final Bucket bucket;

        Limited(long limit) {
            this.limit = limit;
            this.bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, WINDOW).build()).build();
        }
    }
}
