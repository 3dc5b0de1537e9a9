package io.agentledger.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An execution running when the service stops is killed with it and marked failed by the next one, never run again. */
class AgentRestartIT {

    private static final String DATABASE = "agent_restart";

    private static ConfigurableApplicationContext start() {
        return StandaloneService.startOn(DATABASE, null, "--agentledger.agents.lease=PT2S");
    }

    @Test
    void anExecutionInterruptedByAStopIsFailedAfterTheRestartAndItsProcessIsGone() throws Exception {
        String sleeper = """
                import os, time
                def handle(payload):
                    with open(payload["pids"], "w") as f:
                        f.write(str(os.getpid()))
                    time.sleep(120)
                """;
        Path pidFile = Files.createTempFile("restart", ".pid");
        String[] auth;
        String executionId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = StandaloneService.api(first);
            auth = StandaloneService.registerUser(api, "restart");
            String agentId = api.post("/api/v1/agents", Map.of("name", "sleeper"), auth).text("id");
            String port = first.getEnvironment().getProperty("local.server.port");
            assertThat(AgentPackages.upload("http://127.0.0.1:" + port + "/api/v1/uploads/agent/" + agentId,
                    "a.tar.gz", AgentPackages.of(AgentPackages.MANIFEST, sleeper).tarGz(), auth).statusCode())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(api.get("/api/v1/agents/" + agentId,
                    auth).text("status")));
            executionId = api.post("/api/v1/agents/" + agentId + "/execute", Map.of("command", Map.of("action", "sleep",
                    "parameters", Map.of("pids", pidFile.toAbsolutePath().toString()))), auth).body().path("data")
                    .path("execution_id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> !Files.readString(pidFile).isBlank());
            String running = executionId;
            await().atMost(Duration.ofSeconds(10)).until(() -> "running".equals(
                    api.get("/api/v1/runtime/executions/" + running, auth).text("status")));
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));

        try (ConfigurableApplicationContext second = start()) {
            Api api = StandaloneService.api(second);
            String interrupted = executionId;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "failed".equals(
                    api.get("/api/v1/runtime/executions/" + interrupted, auth).text("status")));
            JsonNode execution = api.get("/api/v1/runtime/executions/" + interrupted, auth).body();
            assertThat(execution.path("error_message").asText()).contains("service stopped");
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND payload_type LIKE '%ExecutionStarted'", Long.class,
                    interrupted)).as("started once, never again").isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM agent_work WHERE id = ?",
                    Long.class, interrupted)).isZero();
        }
    }
}
