package io.agentledger.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An execution waiting to retry when the service stops goes on after the restart, reusing what it had done. */
class WorkflowRestartIT {

    private static final String DATABASE = "workflow_restart";

    private static ConfigurableApplicationContext start() {
        return StandaloneService.startOn(DATABASE, null, "--agentledger.workflows.lease=PT2S");
    }

    @Test
    void anExecutionContinuesAfterARestartWhereItWasAndRunsNoSideEffectTwice() {
        String secret = "RESTART_NOTE";
        String[] auth;
        String executionId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = StandaloneService.api(first);
            auth = StandaloneService.registerUser(api, "wfrestart");
            String workflowId = api.post("/api/v1/workflows", Map.of("name", "survivor", "nodes", List.of(
                    WorkflowIT.node("first", "tool", Map.of("tool", "create_document", "parameters",
                            Map.of("title", "once"))),
                    WorkflowIT.node("second", "tool", Map.of("tool", "create_document", "parameters",
                            Map.of("title", "needs", "content", "{{secret:" + secret + "}}")))),
                    "edges", List.of(WorkflowIT.edge("first", "second")),
                    "definition", Map.of("retry_policy", Map.of("max_attempts", 6, "backoff_strategy", "fixed",
                            "delay_ms", 3000))), auth).text("id");
            executionId = api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "x"), auth)
                    .text("execution_id");
            String running = executionId;
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/executions/" + running + "/logs"
                    + "?node_id=second", auth).body().size() >= 1);
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = StandaloneService.api(second);
            StepUps.withFirstBackupCode(api, auth);
            assertThat(api.post("/api/v1/secrets", Map.of("name", secret, "value", "now-there"), auth).status())
                    .isEqualTo(201);
            String resumed = executionId;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "completed"
                    .equals(api.get("/api/v1/executions/" + resumed, auth).text("status")));
            JsonNode attempts = api.get("/api/v1/executions/" + resumed + "/logs", auth).body();
            long firstRuns = 0;
            for (JsonNode attempt : attempts) {
                firstRuns += attempt.path("node_id").asText().equals("first") ? 1 : 0;
            }
            assertThat(firstRuns).as("the first node ran once, before the restart").isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM tool_invocation WHERE "
                    + "idempotency_key = ?", Long.class, "wf:" + resumed + ":first")).isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM tool_outbox WHERE "
                    + "run_id = ?", Long.class, resumed)).as("each document written once").isEqualTo(2);
        }
    }
}
