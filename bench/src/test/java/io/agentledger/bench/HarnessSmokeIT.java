package io.agentledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole harness at a tiny size, so that it keeps working: every section is produced from real measurements
 * of a real service. Figures are not judged here; the machines running the build are shared and noisy.
 */
class HarnessSmokeIT {

    @Test
    void theHarnessMeasuresEverySectionAndWritesTheReport() throws Exception {
        Path output = Path.of("target/bench-smoke");
        BenchSettings settings = new BenchSettings(Duration.ofSeconds(1), List.of(1, 2), 6_000, List.of(6_000L),
                10, 10, 300, 10, output, null, "postgres", "", null,
                Path.of(System.getProperty("bench.service.jar")),
                System.getProperty("agentledger.search.embedded.classpath"),
                Path.of(System.getProperty("bench.classpath.file")), true);

        Harness.run(settings);

        JsonNode report = Http.JSON.readTree(output.resolve("report.json").toFile());
        assertThat(Files.readString(output.resolve("report.md"))).contains("| create_goal | 2 |", "| raw_insert | 2 |",
                "replay of", "audit page", "memory search over HTTP", "| target |");
        for (String operation : List.of("create_goal", "update_goal", "get_goal", "list_goals", "start_goal")) {
            JsonNode levels = report.path("commands").path(operation);
            assertThat(levels.findValuesAsText("clients")).as(operation).containsExactly("1", "2");
            levels.forEach(level -> {
                assertThat(level.path("operations").asLong()).as(operation).isPositive();
                assertThat(level.path("errors").asLong()).as(operation + " " + level).isZero();
            });
        }
        for (String reference : List.of("raw_insert", "jpa_create_goal", "jpa_update_goal", "jpa_get_goal",
                "jpa_list_goals")) {
            JsonNode levels = report.path("references").path(reference);
            assertThat(levels.size()).as(reference).isEqualTo(2);
            levels.forEach(level -> assertThat(level.path("operations").asLong()).as(reference).isPositive());
        }
        JsonNode nodes = report.path("nodes");
        assertThat(nodes.findValuesAsText("operation")).containsExactly("create_goal", "update_goal", "get_goal");
        nodes.forEach(row -> {
            assertThat(row.path("clients").asInt()).isEqualTo(2);
            assertThat(row.path("one_node_ops_per_second").asDouble()).as(row.toString()).isPositive();
            assertThat(row.path("second_node_idle_ops_per_second").asDouble()).as(row.toString()).isPositive();
            assertThat(row.path("two_nodes_ops_per_second").asDouble()).as(row.toString()).isPositive();
            assertThat(row.path("two_nodes_errors").asLong()).as(row.toString()).isZero();
        });
        assertThat(Files.readString(output.resolve("report.md"))).contains("two nodes against one");
        assertThat(report.path("ratios").get(0).path("ratio_to_raw_insert").asDouble()).isPositive();

        JsonNode visibility = report.path("visibility");
        assertThat(visibility.path("samples").asInt()).isEqualTo(10);
        assertThat(visibility.path("missed").asInt()).isZero();
        assertThat(visibility.path("rsocket_event").path("samples").asInt()).isEqualTo(10);

        assertThat(report.path("replay").path("events").asLong()).isGreaterThanOrEqualTo(6_000);
        assertThat(report.path("replay").path("projections").asInt()).isGreaterThan(5);
        JsonNode growth = report.path("growth");
        assertThat(growth.size()).as("the start and the one size grown to").isEqualTo(2);
        assertThat(growth.get(1).path("events_in_store").asLong()).isGreaterThanOrEqualTo(6_000);
        growth.forEach(point -> assertThat(point.path("errors").asLong()).isZero());

        assertThat(report.path("audit_query").path("audit_rows").asLong()).isGreaterThanOrEqualTo(6_000);
        assertThat(report.path("audit_query").path("samples").asInt()).isEqualTo(10);
        assertThat(report.path("memory_search").path("samples").asInt()).isEqualTo(10);
        assertThat(report.path("memory_search").path("results_per_query").asDouble()).isPositive();
        assertThat(report.path("startup").fieldNames()).toIterable()
                .contains("embedded_defaults", "configured_database_and_search", "second_node", "after_the_run");
        assertThat(report.path("startup").path("embedded_defaults").path("resident_with_children_mb").asLong())
                .isGreaterThan(report.path("startup").path("embedded_defaults").path("resident_mb").asLong());
        boolean cpuReadable = Files.exists(Path.of("/proc/self/stat"));
        if (cpuReadable) {
            for (String measured : List.of("commands/create_goal", "references/jpa_create_goal")) {
                JsonNode level = report.at("/" + measured + "/1");
                assertThat(level.path("service_cpu_ms_per_op").asDouble()).as(measured).isPositive();
                assertThat(level.path("database_cpu_ms_per_op").asDouble()).as(measured).isPositive();
            }
            assertThat(Files.readString(output.resolve("report.md"))).contains("| CPU per operation, ms |");
        }
        // each operation with a JPA reference at each level, service CPU per GET at each level (where
        // readable), three visibility lags, replay, growth
        assertThat(report.path("targets").size()).isEqualTo(4 * 2 + (cpuReadable ? 2 : 0) + 3 + 1 + 1);
        assertThat(report.path("targets").findValuesAsText("target"))
                .contains("get_goal at 2 clients / JPA reference", "list_goals at 1 clients / JPA reference");
    }
}
