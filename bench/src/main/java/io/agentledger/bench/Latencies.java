package io.agentledger.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded durations and their percentiles, in milliseconds. Not thread-safe: one per client, then merged. */
final class Latencies {

    private long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[Math.max(16, capacity)];
    }

    void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    double percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return Math.round(sorted[Math.max(0, Math.min(index, count - 1))] / 10_000.0) / 100.0;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", count);
        summary.put("p50_ms", percentile(50));
        summary.put("p95_ms", percentile(95));
        summary.put("p99_ms", percentile(99));
        summary.put("max_ms", percentile(100));
        return summary;
    }
}
