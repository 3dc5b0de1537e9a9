package io.agentledger.app.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The HTTP traffic of the last minute, per second: requests, server errors and total latency, plus
 * latency percentiles from a Micrometer timer whose distribution decays over the same minute (the
 * timer is exported to Prometheus as well), and the users seen in the last 15 minutes.
 */
@Component
public class RequestStatistics {

    static final Duration ACTIVE_USER_WINDOW = Duration.ofMinutes(15);
    private static final int SECONDS = 60;

    private final Clock clock;
    private final Timer latency;
    private final AtomicLongArray second = new AtomicLongArray(SECONDS);
    private final AtomicLongArray requests = new AtomicLongArray(SECONDS);
    private final AtomicLongArray serverErrors = new AtomicLongArray(SECONDS);
    private final AtomicLongArray nanos = new AtomicLongArray(SECONDS);
    private final Map<String, Instant> usersSeen = new ConcurrentHashMap<>();

    public RequestStatistics(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.latency = Timer.builder("agentledger.http.latency").description("Latency of every HTTP request")
                .publishPercentiles(0.5, 0.95, 0.99).distributionStatisticExpiry(Duration.ofMinutes(1))
                .distributionStatisticBufferLength(2).register(meters);
        meters.gauge("agentledger.users.active", this, RequestStatistics::activeUsers);
    }

    public void record(int status, long elapsedNanos, String userId) {
        Instant now = clock.instant();
        long epochSecond = now.getEpochSecond();
        int slot = (int) (epochSecond % SECONDS);
        if (second.getAndSet(slot, epochSecond) != epochSecond) {
            requests.set(slot, 0);
            serverErrors.set(slot, 0);
            nanos.set(slot, 0);
        }
        requests.incrementAndGet(slot);
        nanos.addAndGet(slot, elapsedNanos);
        if (status >= 500) {
            serverErrors.incrementAndGet(slot);
        }
        latency.record(elapsedNanos, TimeUnit.NANOSECONDS);
        if (userId != null) {
            usersSeen.put(userId, now);
        }
    }

    /** requests_per_minute, average_response_time and latency percentiles (ms), error_rate (5xx share). */
    public Map<String, Object> lastMinute() {
        long now = clock.instant().getEpochSecond();
        long count = 0;
        long errors = 0;
        long total = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (now - second.get(slot) < SECONDS) {
                count += requests.get(slot);
                errors += serverErrors.get(slot);
                total += nanos.get(slot);
            }
        }
        Map<String, Object> percentiles = new LinkedHashMap<>();
        for (ValueAtPercentile value : latency.takeSnapshot().percentileValues()) {
            percentiles.put("p" + Math.round(value.percentile() * 100), round(value.value(TimeUnit.MILLISECONDS)));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests_per_minute", count);
        figures.put("average_response_time", count == 0 ? 0 : round(total / 1e6 / count));
        figures.put("latency_ms", percentiles);
        figures.put("error_rate", count == 0 ? 0 : round((double) errors / count));
        return figures;
    }

    public int activeUsers() {
        Instant since = clock.instant().minus(ACTIVE_USER_WINDOW);
        usersSeen.values().removeIf(seen -> seen.isBefore(since));
        return usersSeen.size();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
