package io.agentledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's sizes and places, from system properties ({@code -Dbench.…} on the Maven command line).
 * The defaults give the full report in under ten minutes on two cores (9 min 16 s in the README's run).
 */
record BenchSettings(Duration phase, List<Integer> clients, long replayEvents, List<Long> growthEvents,
                     int visibilitySamples, int auditQueries, int memoryDocuments, int memoryQueries,
                     Path output, String databaseUrl, String databaseUser, String databasePassword,
                     String searchUrl, Path serviceJar, String searchNodeClasspath, Path classpathFile,
                     boolean twoNodes) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Duration.ofMillis((long) (Double.parseDouble(System.getProperty("bench.phase-seconds", "4")) * 1000)),
                integers(System.getProperty("bench.clients", "1,8,32")),
                Long.getLong("bench.replay-events", 1_000_000),
                longs(System.getProperty("bench.growth-events", "1000000,5000000")),
                Integer.getInteger("bench.visibility-samples", 200),
                Integer.getInteger("bench.audit-queries", 200),
                Integer.getInteger("bench.memory-documents", 20_000),
                Integer.getInteger("bench.memory-queries", 200),
                Path.of(System.getProperty("bench.output", "target/bench")),
                blankToNull(System.getProperty("bench.database.url")),
                System.getProperty("bench.database.username", "postgres"),
                System.getProperty("bench.database.password", ""),
                blankToNull(System.getProperty("bench.search.url")),
                Path.of(required("bench.service.jar")),
                required("agentledger.search.embedded.classpath"),
                Path.of(required("bench.classpath.file")),
                Boolean.parseBoolean(System.getProperty("bench.two-nodes", "true")));
    }

    int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static List<Long> longs(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set -D" + name + " (the bench module's pom does)");
        }
        return value;
    }
}
