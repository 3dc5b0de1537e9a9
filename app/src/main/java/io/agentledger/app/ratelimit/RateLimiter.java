package io.agentledger.app.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentledger.kernel.id.Digests;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One Bucket4j token bucket per subject (a user, an account or an IP address) and request class,
 * holding {@code limit} requests and refilled greedily over a minute; a changed limit starts a fresh
 * bucket. The buckets live in PostgreSQL, shared by every node. A bucket of fewer than
 * {@value #EXACT_BELOW} requests (sign-in attempts, for one) is consulted there on every request; a
 * larger one is synchronised every twentieth of its limit or {@link #SYNC_AFTER}, so a node may grant
 * that many requests beyond what the others already took. When the database cannot answer, the node
 * falls back to a bucket of its own. Local handles idle for two minutes are dropped.
 */
@Component
public class RateLimiter {

    static final int EXACT_BELOW = 100;
    static final Duration SYNC_AFTER = Duration.ofMillis(500);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final Cache<String, Limited> buckets = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2)).maximumSize(200_000).build();
    private final Clock clock;
    private final ProxyManager<String> shared;

    /** Buckets of this process only (unit tests). */
    public RateLimiter(Clock clock) {
        this(clock, null);
    }

    @Autowired
    public RateLimiter(Clock clock, ProxyManager<String> shared) {
        this.clock = clock;
        this.shared = shared;
    }

    public Decision tryAcquire(String subject, long limit) {
        Limited limited = buckets.asMap().compute(subject, (key, existing) ->
                existing != null && existing.limit == limit ? existing : new Limited(subject, limit));
        ConsumptionProbe probe = limited.tryConsume();
        Instant now = clock.instant();
        Instant full = now.plusNanos(probe.getNanosToWaitForReset());
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), full,
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** {@code fullAgainAt}: when the bucket is whole again; {@code retryAfter}: when the next token comes. */
    public record Decision(boolean allowed, long limit, long remaining, Instant fullAgainAt, Duration retryAfter) {
    }

    private final class Limited {
        final long limit;
        final Bucket local;
        final Bucket cluster;

        Limited(String subject, long limit) {
            this.limit = limit;
            Bandwidth perMinute = Bandwidth.builder().capacity(limit).refillGreedy(limit, WINDOW).build();
            BucketConfiguration configuration = BucketConfiguration.builder().addLimit(perMinute).build();
            this.local = Bucket.builder().addLimit(perMinute).build();
            if (shared == null) {
                this.cluster = null;
            } else {
                String key = Digests.sha256(subject + "|" + limit, 64);
                var builder = shared.builder();
                if (limit >= EXACT_BELOW) {
                    builder = builder.withOptimization(Optimizations.delaying(
                            new DelayParameters(limit / 20, SYNC_AFTER)));
                }
                this.cluster = builder.build(key, () -> configuration);
            }
        }

        ConsumptionProbe tryConsume() {
            if (cluster != null) {
                try {
                    return cluster.tryConsumeAndReturnRemaining(1);
                } catch (RuntimeException unavailable) {
                    log.warn("Shared rate-limit bucket unavailable, limiting on this node: {}",
                            unavailable.getMessage());
                }
            }
            return local.tryConsumeAndReturnRemaining(1);
        }
    }
}
