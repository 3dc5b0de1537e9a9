package io.agentledger.app.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's health, performance, architecture and logs, seed 000's /metrics, and Prometheus. */
class SystemObservationIT extends IntegrationTest {

    @Test
    void healthReportsStatusAgentsResourcesAndExternalServices() {
        User admin = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "Research the market for electric bikes",
                "autonomy_level", "L3"), admin.auth()).text("id");
        String run = api.post("/api/v1/goals/" + goal + "/start", null, admin.auth()).text("run_id");
        eventually(() -> "completed".equals(api.get("/api/v1/runs/" + run, admin.auth()).text("status")));

        Api.Response response = api.get("/api/v1/system/health", admin.auth());
        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.body();
        assertThat(health.path("status").asText()).isIn("healthy", "degraded");
        assertThat(health.path("uptime").asLong()).isNotNegative();
        assertThat(health.path("version").asText()).isNotBlank();
        assertThat(health.path("agents").path("total").asInt()).as("the tenant's one run").isEqualTo(1);
        assertThat(health.path("agents").path("active").asInt()).isZero();
        assertThat(health.path("resources").path("memory_usage").asDouble()).isBetween(0.1, 100.0);
        assertThat(health.path("resources").path("disk_usage").asDouble()).isBetween(0.0, 100.0);
        assertThat(health.path("resources").has("cpu_usage")).isTrue();
        assertThat(health.path("resources").path("network_latency").isNumber()).isTrue();
        JsonNode database = health.path("external_services").get(0);
        assertThat(database.path("name").asText()).isEqualTo("postgresql");
        assertThat(database.path("status").asText()).isEqualTo("online");
        assertThat(health.path("external_services").findValuesAsText("name")).contains("llm:offline");

        assertThat(api.get("/api/v1/system/health").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/system/health", invite(admin, "user").auth()).status()).isEqualTo(403);
    }

    @Test
    void performanceAndMetricsCountTrafficAndTheTenantsTotals() {
        User auditorsAdmin = register();
        User auditor = invite(auditorsAdmin, "auditor");
        api.post("/api/v1/goals", Map.of("text", "One"), auditorsAdmin.auth());
        api.post("/api/v1/goals", Map.of("text", "Two"), auditorsAdmin.auth());
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/goals", auditor.auth());
        }

        JsonNode performance = api.get("/api/v1/system/performance", auditor.auth()).body();
        assertThat(performance.path("requests_per_minute").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(performance.path("total_goals").asLong()).isEqualTo(2);
        assertThat(performance.path("total_runs").asLong()).isZero();
        assertThat(performance.path("ai_cost_today").decimalValue()).isZero();
        assertThat(performance.path("active_users").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode latency = performance.path("latency_ms");
        assertThat(latency.path("p99").asDouble()).isGreaterThanOrEqualTo(latency.path("p50").asDouble());
        assertThat(performance.path("error_rate").asDouble()).isBetween(0.0, 1.0);
        assertThat(performance.path("event_store").path("events").asLong()).isPositive();
        assertThat(performance.path("event_store").path("size_bytes").asLong()).isPositive();
        assertThat(performance.path("projection_lag").path("processors").has("goal-summary")).isTrue();

        JsonNode metrics = api.get("/metrics", auditor.auth()).body();
        assertThat(metrics.path("total_goals").asLong()).isEqualTo(2);
        assertThat(metrics.has("requests_per_minute")).isTrue();
        assertThat(api.get("/metrics", invite(auditorsAdmin, "user").auth()).status()).isEqualTo(403);
    }

    @Test
    void prometheusScrapesWithAnApiKeyHoldingReadSystem() {
        User admin = registerSteppedUp();
        api.get("/api/v1/goals", admin.auth());
        String key = api.post("/api/v1/api-keys", Map.of("name", "prometheus"), admin.auth()).text("key");

        Api.Response scrape = api.get("/actuator/prometheus", "X-API-Key", key);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.rawBody()).contains("agentledger_http_latency_seconds{")
                .contains("agentledger_event_store_head").contains("agentledger_projection_lag{")
                .contains("agentledger_users_active").contains("http_server_requests_seconds");
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", invite(admin, "user").auth()).status()).isEqualTo(403);
        assertThat(api.get("/actuator/env", admin.auth()).status()).as("nothing else of the actuator is out")
                .isEqualTo(404);
    }

    @Test
    void architectureDrawsAgentsServicesAndExternalApis() {
        User auditor = invite(register(), "auditor");
        JsonNode architecture = api.get("/api/v1/system/architecture", auditor.auth()).body();

        assertThat(architecture.path("agents").findValuesAsText("id")).contains("intent_router", "planner",
                "executor", "summarizer", "api", "event_store", "processor:goal-summary", "llm:offline");
        JsonNode planner = null;
        for (JsonNode node : architecture.path("agents")) {
            if ("planner".equals(node.path("id").asText())) {
                planner = node;
            }
        }
        assertThat(planner.path("type").asText()).isEqualTo("agent");
        assertThat(planner.path("agent_number").asInt()).isEqualTo(2);
        assertThat(planner.path("position").has("x")).isTrue();
        assertThat(architecture.path("connections").findValuesAsText("id")).contains("planner->executor",
                "event_store->processor:goal-summary", "planner->llm:offline");
        assertThat(architecture.path("workflows").get(0).path("steps").toString())
                .isEqualTo("[\"intent_router\",\"planner\",\"executor\",\"summarizer\"]");
        String mermaid = architecture.path("mermaid_diagram").asText();
        assertThat(mermaid).startsWith("flowchart LR\n").contains("planner([\"Planner\"])")
                .contains("planner ==> executor").contains("event_store --> processor_goal_summary")
                .contains("planner -.-> llm_offline");
    }

    @Test
    void logsAreForPlatformAdminsFilteredByLevelAndTime() {
        User platformAdmin = platformAdmin();
        JsonNode all = api.get("/api/v1/system/logs?level=DEBUG&limit=1000", platformAdmin.auth()).body();
        assertThat(all.path("items").size()).isPositive();
        JsonNode newest = all.path("items").get(0);
        assertThat(newest.has("timestamp") && newest.has("level") && newest.has("logger") && newest.has("message"))
                .isTrue();
        JsonNode errorsOnly = api.get("/api/v1/system/logs?level=ERROR", platformAdmin.auth()).body();
        assertThat(errorsOnly.path("items").findValuesAsText("level")).allMatch("ERROR"::equals);
        String future = java.time.Instant.now().plusSeconds(3600).toString();
        assertThat(api.get("/api/v1/system/logs?since=" + future, platformAdmin.auth()).body().path("total")
                .asInt()).isZero();

        assertThat(api.get("/api/v1/system/logs?level=LOUD", platformAdmin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/system/logs?limit=5000", platformAdmin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/system/logs", register().auth()).status())
                .as("a tenant admin does not read the whole process's logs").isEqualTo(403);
    }
}
