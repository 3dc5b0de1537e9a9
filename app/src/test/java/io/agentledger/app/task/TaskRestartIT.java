package io.agentledger.app.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A task whose command runs when the service stops: the command dies with it, the next one fails the task, never reruns it. */
class TaskRestartIT {

    private static final String DATABASE = "task_restart";
    private static final String MARKER = "sleep 47.125";

    private static ConfigurableApplicationContext start() {
        return StandaloneService.startOn(DATABASE, null, "--agentledger.tasks.lease=PT2S",
                "--agentledger.tasks.tools.commands-enabled=true");
    }

    private static boolean markerRuns() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(MARKER));
    }

    @Test
    void aTaskInterruptedByAStopIsFailedAfterTheRestartAndItsCommandIsGone() {
        String[] auth;
        String taskId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = StandaloneService.api(first);
            auth = StandaloneService.registerUser(api, "tasks");
            String sessionId = api.post("/api/sessions", Map.of("name", "restart"), auth).text("id");
            taskId = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description",
                    "run the command `" + MARKER + "`, then list the files"), auth).text("id");
            await().atMost(Duration.ofSeconds(30)).until(TaskRestartIT::markerRuns);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !markerRuns());

        try (ConfigurableApplicationContext second = start()) {
            Api api = StandaloneService.api(second);
            String interrupted = taskId;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "failed".equals(
                    api.get("/api/tasks/" + interrupted, auth).text("status")));
            JsonNode task = api.get("/api/tasks/" + interrupted, auth).body();
            assertThat(task.path("error_code").asText()).isEqualTo("INTERRUPTED");
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND payload_type LIKE '%TaskToolCalled'", Long.class, interrupted))
                    .as("the command was called once, never again").isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM task_work WHERE "
                    + "task_id = ?", Long.class, interrupted)).isZero();
            assertThat(markerRuns()).isFalse();
        }
    }
}
