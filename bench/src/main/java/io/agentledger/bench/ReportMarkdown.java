package io.agentledger.bench;

import java.util.List;
import java.util.Map;

/** The report as Markdown tables, the form the README quotes. */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String render(Report report) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = report.machine();
        md.append("Measured ").append(machine.get("measured_at")).append(" on ").append(machine.get("processors"))
                .append(" processors, Java ").append(machine.get("java")).append(", ").append(machine.get("database"))
                .append(", search ").append(machine.get("search")).append("; ")
                .append(machine.get("phase_seconds")).append(" s per load phase.\n\n");

        md.append("| command | clients | ops/s | p50 ms | p99 ms | raw insert ops/s | ratio | JPA ops/s | ratio |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : report.ratios()) {
            LoadResult result = report.commandAt((String) row.get("operation"), (int) row.get("clients"));
            md.append(String.format("| %s | %d | %s | %.1f | %.1f | %s | %s | %s | %s |%n", row.get("operation"),
                    result.clients(), row.get("ops_per_second"), result.latencies().percentile(50),
                    result.latencies().percentile(99), dash(row.get("raw_insert_ops_per_second")),
                    dash(row.get("ratio_to_raw_insert")), dash(row.get("jpa_ops_per_second")),
                    dash(row.get("ratio_to_jpa"))));
        }

        appendCpu(md, report);

        md.append("\n| reference | clients | ops/s | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
        report.references().forEach((name, results) -> results.forEach(result ->
                md.append(String.format("| %s | %d | %.1f | %.1f | %.1f |%n", name, result.clients(),
                        result.opsPerSecond(), result.latencies().percentile(50), result.latencies().percentile(99)))));

        Map<String, Object> visibility = report.visibility();
        if (!visibility.isEmpty()) {
            md.append("\n| visible after the acknowledgement (background ")
                    .append(visibility.get("background_ops_per_second")).append(" creates/s) | p50 ms | p99 ms |\n")
                    .append("|---|---|---|\n");
            for (String read : List.of("get_goal", "get_audit_entry", "rsocket_event")) {
                Map<?, ?> lag = (Map<?, ?>) visibility.get(read);
                md.append("| ").append(read).append(" | ").append(lag.get("p50_ms")).append(" | ")
                        .append(lag.get("p99_ms")).append(" |\n");
            }
        }

        if (!report.nodes().isEmpty()) {
            md.append("\n| two nodes against one (each client's requests alternate between the nodes) | clients "
                    + "| one node ops/s | the same node, a second idle beside it | two nodes ops/s | ratio | two nodes p99 ms |"
                    + "\n|---|---|---|---|---|---|---|\n");
            for (Map<String, Object> row : report.nodes()) {
                md.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n", row.get("operation"),
                        row.get("clients"), row.get("one_node_ops_per_second"),
                        row.get("second_node_idle_ops_per_second"), row.get("two_nodes_ops_per_second"),
                        row.get("ratio"), row.get("two_nodes_p99_ms")));
            }
        }

        md.append("\n| history | figure |\n|---|---|\n");
        Map<String, Object> replay = report.replay();
        if (!replay.isEmpty()) {
            md.append(String.format("| replay of %s projections over %,d events | %,d events/s (%s s) |%n",
                    replay.get("projections"), ((Number) replay.get("events")).longValue(),
                    ((Number) replay.get("events_per_second")).longValue(), replay.get("seconds")));
        }
        for (Map<String, Object> point : report.growth()) {
            md.append(String.format("| create goal at %s clients, %,d events in the store | %s ops/s, p50 %s ms, "
                            + "p99 %s ms |%n", point.get("clients"), ((Number) point.get("events_in_store")).longValue(),
                    point.get("ops_per_second"), point.get("p50_ms"), point.get("p99_ms")));
        }
        Map<String, Object> audit = report.auditQuery();
        if (!audit.isEmpty()) {
            md.append(String.format("| audit page (filtered, 50 rows) over %,d rows | p50 %s ms, p99 %s ms |%n",
                    ((Number) audit.get("audit_rows")).longValue(), audit.get("p50_ms"), audit.get("p99_ms")));
        }
        Map<String, Object> memory = report.memorySearch();
        if (memory.containsKey("error")) {
            md.append(String.format("| memory search over HTTP | failed: %s |%n", memory.get("error")));
        } else if (!memory.isEmpty()) {
            md.append(String.format("| memory search over HTTP, %,d documents | p50 %s ms, p99 %s ms |%n",
                    ((Number) memory.get("documents")).longValue(), memory.get("p50_ms"), memory.get("p99_ms")));
        }
        report.startup().forEach((name, value) -> {
            Map<?, ?> figures = (Map<?, ?>) value;
            md.append(String.format("| service %s: ready in, resident (with children) | %s s, %s MB (%s MB) |%n",
                    name.replace('_', ' '), figures.get("seconds_to_ready"), figures.get("resident_mb"),
                    figures.get("resident_with_children_mb")));
        });

        md.append("\n| target | goal | measured | met |\n|---|---|---|---|\n");
        for (Map<String, Object> target : Targets.evaluate(report)) {
            md.append("| ").append(target.get("target")).append(" | ").append(target.get("goal")).append(" | ")
                    .append(target.get("measured")).append(" | ").append((boolean) target.get("met") ? "yes" : "no")
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void appendCpu(StringBuilder md, Report report) {
        StringBuilder rows = new StringBuilder();
        report.commands().forEach((operation, results) -> results.forEach(result -> {
            LoadResult jpa = report.referenceAt("jpa_" + operation, result.clients());
            if (!Double.isNaN(result.serviceCpuMillis())) {
                rows.append(String.format("| %s | %d | %s | %s | %s | %s |%n", operation, result.clients(),
                        millis(result.serviceCpuMillis()), millis(result.databaseCpuMillis()),
                        jpa == null ? "–" : millis(jpa.serviceCpuMillis()),
                        jpa == null ? "–" : millis(jpa.databaseCpuMillis())));
            }
        }));
        if (!rows.isEmpty()) {
            md.append("\n| CPU per operation, ms | clients | service | its PostgreSQL | JPA reference | its PostgreSQL |\n")
                    .append("|---|---|---|---|---|---|\n").append(rows);
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format("%.3f", value);
    }

    private static String dash(Object value) {
        return value == null ? "–" : value.toString();
    }
}
