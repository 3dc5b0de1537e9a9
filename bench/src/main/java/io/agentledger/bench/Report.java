package io.agentledger.bench;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the harness measured, as {@code report.json} and as the Markdown tables of {@code report.md}. */
final class Report {

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> startup = new LinkedHashMap<>();
    private final Map<String, List<LoadResult>> references = new LinkedHashMap<>();
    private final Map<String, List<LoadResult>> commands = new LinkedHashMap<>();
    private final List<Map<String, Object>> growth = new ArrayList<>();
    private final List<Map<String, Object>> seeding = new ArrayList<>();
    private Map<String, Object> visibility = Map.of();
    private Map<String, Object> replay = Map.of();
    private Map<String, Object> auditQuery = Map.of();
    private Map<String, Object> memorySearch = Map.of();
    private final List<Map<String, Object>> nodes = new ArrayList<>();

    void describe(BenchSettings settings) {
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("measured_at", Instant.now().toString());
        machine.put("phase_seconds", settings.phase().toMillis() / 1000.0);
        machine.put("database", settings.databaseUrl() == null ? "embedded PostgreSQL, durable" : "configured");
        machine.put("search", settings.searchUrl() == null ? "embedded node, 1 GB heap" : "configured");
    }

    void startup(String name, double seconds, long residentMb, long withChildrenMb) {
        startup.put(name, Map.of("seconds_to_ready", Math.round(seconds * 10) / 10.0, "resident_mb", residentMb,
                "resident_with_children_mb", withChildrenMb));
    }

    void reference(String name, LoadResult result) {
        references.computeIfAbsent(name, key -> new ArrayList<>()).add(result);
    }

    void command(String operation, LoadResult result) {
        commands.computeIfAbsent(operation, key -> new ArrayList<>()).add(result);
    }

    void growth(long eventsInStore, LoadResult result) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("events_in_store", eventsInStore);
        point.putAll(result.summary());
        growth.add(point);
        System.out.printf("append at %,d events: %.1f ops/s, p99 %.2f ms%n", eventsInStore, result.opsPerSecond(),
                result.latencies().percentile(99));
    }

    void seeding(long events, double eventsPerSecond) {
        seeding.add(Map.of("events_in_store", events, "events_per_second", Math.round(eventsPerSecond)));
    }

    void visibility(Map<String, Object> result) {
        visibility = result;
    }

    /** The same operation at the same clients on one node and on two nodes of one cluster. */
    void nodes(String operation, LoadResult oneNode, LoadResult secondIdle, LoadResult twoNodes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("operation", operation);
        row.put("clients", twoNodes.clients());
        row.put("one_node_ops_per_second", round(oneNode.opsPerSecond()));
        row.put("second_node_idle_ops_per_second", round(secondIdle.opsPerSecond()));
        row.put("two_nodes_ops_per_second", round(twoNodes.opsPerSecond()));
        row.put("ratio", ratio(twoNodes, oneNode));
        row.put("two_nodes_p99_ms", Math.round(twoNodes.latencies().percentile(99) * 10) / 10.0);
        row.put("two_nodes_errors", twoNodes.errors());
        nodes.add(row);
        System.out.printf("%s at %d clients: one node %.1f ops/s, beside an idle second %.1f ops/s, two nodes "
                + "%.1f ops/s%n", operation, twoNodes.clients(), oneNode.opsPerSecond(), secondIdle.opsPerSecond(),
                twoNodes.opsPerSecond());
    }

    List<Map<String, Object>> nodes() {
        return nodes;
    }

    void replay(Map<String, Object> result) {
        replay = result;
    }

    void auditQuery(Map<String, Object> result) {
        auditQuery = result;
    }

    void memorySearch(Map<String, Object> result) {
        memorySearch = result;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("startup", startup);
        json.put("references", summaries(references));
        json.put("commands", summaries(commands));
        json.put("ratios", ratios());
        json.put("visibility", visibility);
        json.put("nodes", nodes);
        json.put("replay", replay);
        json.put("growth", growth);
        json.put("seeding", seeding);
        json.put("audit_query", auditQuery);
        json.put("memory_search", memorySearch);
        json.put("targets", Targets.evaluate(this));
        return json;
    }

    void write(Path output) throws Exception {
        Files.createDirectories(output);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(output.resolve("report.json").toFile(), json());
        String markdown = ReportMarkdown.render(this);
        Files.writeString(output.resolve("report.md"), markdown);
        System.out.println(markdown);
    }

    static final List<String> READS = List.of("get_goal", "list_goals");

    List<Map<String, Object>> ratios() {
        List<Map<String, Object>> ratios = new ArrayList<>();
        commands.forEach((operation, results) -> results.forEach(result -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", operation);
            row.put("clients", result.clients());
            row.put("ops_per_second", round(result.opsPerSecond()));
            LoadResult raw = READS.contains(operation) ? null : referenceAt("raw_insert", result.clients());
            row.put("raw_insert_ops_per_second", raw == null ? null : round(raw.opsPerSecond()));
            row.put("ratio_to_raw_insert", raw == null ? null : ratio(result, raw));
            LoadResult jpa = referenceAt("jpa_" + operation, result.clients());
            row.put("jpa_ops_per_second", jpa == null ? null : round(jpa.opsPerSecond()));
            row.put("ratio_to_jpa", jpa == null ? null : ratio(result, jpa));
            ratios.add(row);
        }));
        return ratios;
    }

    LoadResult referenceAt(String name, int clients) {
        return references.getOrDefault(name, List.of()).stream().filter(r -> r.clients() == clients).findFirst()
                .orElse(null);
    }

    LoadResult commandAt(String operation, int clients) {
        return commands.getOrDefault(operation, List.of()).stream().filter(r -> r.clients() == clients).findFirst()
                .orElse(null);
    }

    Map<String, List<LoadResult>> commands() {
        return commands;
    }

    Map<String, Object> machine() {
        return machine;
    }

    Map<String, Object> startup() {
        return startup;
    }

    Map<String, List<LoadResult>> references() {
        return references;
    }

    List<Map<String, Object>> growth() {
        return growth;
    }

    List<Map<String, Object>> seedingRates() {
        return seeding;
    }

    Map<String, Object> visibility() {
        return visibility;
    }

    Map<String, Object> replay() {
        return replay;
    }

    Map<String, Object> auditQuery() {
        return auditQuery;
    }

    Map<String, Object> memorySearch() {
        return memorySearch;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double ratio(LoadResult result, LoadResult reference) {
        return reference.opsPerSecond() == 0 ? 0
                : Math.round(result.opsPerSecond() / reference.opsPerSecond() * 1000) / 1000.0;
    }

    private static Map<String, List<Map<String, Object>>> summaries(Map<String, List<LoadResult>> results) {
        Map<String, List<Map<String, Object>>> summaries = new LinkedHashMap<>();
        results.forEach((name, list) -> summaries.put(name, list.stream().map(LoadResult::summary).toList()));
        return summaries;
    }
}
