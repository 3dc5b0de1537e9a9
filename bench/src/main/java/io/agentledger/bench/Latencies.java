package io.agentledger.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded durations and their percentiles, in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    double percentile(double p) {
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
