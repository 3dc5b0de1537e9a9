package io.agentledger.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a closed-loop phase achieved: operations per second and their latencies; errors are counted apart.
 * The CPU the measured service and its PostgreSQL spent per operation, in milliseconds, is NaN where not
 * measured.
 */
record LoadResult(int clients, long operations, long errors, double seconds, Latencies latencies,
                  List<String> sampleErrors, double serviceCpuMillis, double databaseCpuMillis) {

    double opsPerSecond() {
        return seconds == 0 ? 0 : operations / seconds;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("clients", clients);
        summary.put("operations", operations);
        summary.put("errors", errors);
        summary.put("seconds", Math.round(seconds * 100) / 100.0);
        summary.put("ops_per_second", Math.round(opsPerSecond() * 10) / 10.0);
        summary.put("p50_ms", latencies.percentile(50));
        summary.put("p99_ms", latencies.percentile(99));
        if (!Double.isNaN(serviceCpuMillis)) {
            summary.put("service_cpu_ms_per_op", serviceCpuMillis);
        }
        if (!Double.isNaN(databaseCpuMillis)) {
            summary.put("database_cpu_ms_per_op", databaseCpuMillis);
        }
        if (!sampleErrors.isEmpty()) {
            summary.put("sample_errors", sampleErrors);
        }
        return summary;
    }
}
