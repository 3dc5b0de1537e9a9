package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.agent.AgentPackages;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.Processors;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.app.support.StepUps;
import io.agentledger.app.workflow.WorkflowIT;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One stop and start of a whole service, for everything under way that must end right after it: an
 * agent execution and a task command interrupted by the stop are failed, never run again, and their
 * processes are gone; a workflow execution continues where it was and runs no side effect twice; an
 * automation's firing is never repeated, not even when its trigger processor is reset to the start.
 * (A deadline outliving the service that scheduled it is {@code ClusterIT}'s.)
 */
class RestartIT {

    private static final String DATABASE = "restart";
    private static final String MARKER = "sleep 47.125";
    private static final String SECRET = "RESTART_NOTE";

    private static ConfigurableApplicationContext start() {
        return StandaloneService.startOn(DATABASE, null, "--agentledger.agents.lease=PT2S",
                "--agentledger.tasks.lease=PT2S", "--agentledger.tasks.tools.commands-enabled=true",
                "--agentledger.workflows.lease=PT2S");
    }

    private static JdbcTemplate jdbc() {
        return StandaloneService.jdbc(DATABASE);
    }

    @Test
    void whatWasUnderWayWhenTheServiceStoppedEndsRightAfterItsRestart() throws Exception {
        Path pidFile = Files.createTempFile("restart", ".pid");
        String[] auth;
        String executionId;
        String taskId;
        String automationId;
        String workflowExecutionId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = StandaloneService.api(first);
            auth = StandaloneService.registerUser(api, "restart");
            executionId = agentExecutionRunning(first, api, auth, pidFile);
            taskId = taskCommandRunning(api, auth);
            automationId = automationFired(api, auth);
            workflowExecutionId = workflowWaitingForASecret(api, auth);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)
                && !markerRuns());

        try (ConfigurableApplicationContext second = start()) {
            Api api = StandaloneService.api(second);
            StepUps.withFirstBackupCode(api, auth);
            assertThat(api.post("/api/v1/secrets", Map.of("name", SECRET, "value", "now-there"), auth).status())
                    .isEqualTo(201);
            agentExecutionFailedOnce(api, auth, executionId);
            taskFailedOnce(api, auth, taskId);
            workflowCompletedWithEachSideEffectOnce(api, auth, workflowExecutionId);
            automationFiredOnceAfterATriggerReset(second, api, auth, automationId);
        }
    }

    private static String agentExecutionRunning(ConfigurableApplicationContext service, Api api, String[] auth,
                                                Path pidFile) throws Exception {
        String sleeper = """
                import os, time
                def handle(payload):
                    with open(payload["pids"], "w") as f:
                        f.write(str(os.getpid()))
                    time.sleep(120)
                """;
        String agentId = api.post("/api/v1/agents", Map.of("name", "sleeper"), auth).text("id");
        String port = service.getEnvironment().getProperty("local.server.port");
        assertThat(AgentPackages.upload("http://127.0.0.1:" + port + "/api/v1/uploads/agent/" + agentId,
                "a.tar.gz", AgentPackages.of(AgentPackages.MANIFEST, sleeper).tarGz(), auth).statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(api.get("/api/v1/agents/" + agentId,
                auth).text("status")));
        String executionId = api.post("/api/v1/agents/" + agentId + "/execute", Map.of("command", Map.of("action",
                "sleep", "parameters", Map.of("pids", pidFile.toAbsolutePath().toString()))), auth).body()
                .path("data").path("execution_id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.readString(pidFile).isBlank());
        await().atMost(Duration.ofSeconds(10)).until(() -> "running".equals(
                api.get("/api/v1/runtime/executions/" + executionId, auth).text("status")));
        return executionId;
    }

    private static void agentExecutionFailedOnce(Api api, String[] auth, String executionId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "failed".equals(
                api.get("/api/v1/runtime/executions/" + executionId, auth).text("status")));
        JsonNode execution = api.get("/api/v1/runtime/executions/" + executionId, auth).body();
        assertThat(execution.path("error_message").asText()).contains("service stopped");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%ExecutionStarted'", Long.class, executionId))
                .as("started once, never again").isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM agent_work WHERE id = ?", Long.class, executionId))
                .isZero();
    }

    private static boolean markerRuns() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(MARKER));
    }

    private static String taskCommandRunning(Api api, String[] auth) {
        String sessionId = api.post("/api/sessions", Map.of("name", "restart"), auth).text("id");
        String taskId = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description",
                "run the command `" + MARKER + "`, then list the files"), auth).text("id");
        await().atMost(Duration.ofSeconds(30)).until(RestartIT::markerRuns);
        return taskId;
    }

    private static void taskFailedOnce(Api api, String[] auth, String taskId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "failed".equals(
                api.get("/api/tasks/" + taskId, auth).text("status")));
        assertThat(api.get("/api/tasks/" + taskId, auth).body().path("error_code").asText()).isEqualTo("INTERRUPTED");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%TaskToolCalled'", Long.class, taskId))
                .as("the command was called once, never again").isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM task_work WHERE task_id = ?", Long.class, taskId))
                .isZero();
        assertThat(markerRuns()).isFalse();
    }

    private static String automationFired(Api api, String[] auth) {
        String automationId = api.post("/api/v1/automations", Map.of("name", "on urgent goals", "trigger",
                Map.of("type", "event", "config", Map.of("event_type", "GoalCreated", "conditions",
                        Map.of("priority", "urgent"))), "workflow", Map.of("template", "meeting_followup")),
                auth).text("id");
        api.post("/api/v1/goals", Map.of("text", "Board meeting", "priority", "urgent"), auth);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/automations/" + automationId
                + "/firings", auth).body().path("total").asInt() == 1);
        return automationId;
    }

    private static void automationFiredOnceAfterATriggerReset(ConfigurableApplicationContext service, Api api,
                                                              String[] auth, String automationId) {
        StreamingEventProcessor triggers = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor("automation-triggers", StreamingEventProcessor.class).orElseThrow();
        triggers.shutDown();
        triggers.resetTokens(source -> source.createTailToken());
        triggers.start();
        Processors.awaitCaughtUp(service, "automation-triggers");

        JsonNode firings = api.get("/api/v1/automations/" + automationId + "/firings", auth).body();
        assertThat(firings.path("total").asInt()).isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%AutomationFired' AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + automationId + "%"))
                .as("one firing event in the store").isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%GoalCreated' AND aggregate_identifier = ?", Long.class,
                firings.path("items").get(0).path("started_id").asText())).isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%RunCreated' AND aggregate_identifier = ?", Long.class,
                firings.path("items").get(0).path("run_id").asText())).isEqualTo(1);
    }

    /** Last before the stop: its retries (6, 3 s apart) must outlast the stop and start. */
    private static String workflowWaitingForASecret(Api api, String[] auth) {
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "survivor", "nodes", List.of(
                        WorkflowIT.node("first", "tool", Map.of("tool", "create_document", "parameters",
                                Map.of("title", "once"))),
                        WorkflowIT.node("second", "tool", Map.of("tool", "create_document", "parameters",
                                Map.of("title", "needs", "content", "{{secret:" + SECRET + "}}")))),
                "edges", List.of(WorkflowIT.edge("first", "second")),
                "definition", Map.of("retry_policy", Map.of("max_attempts", 6, "backoff_strategy", "fixed",
                        "delay_ms", 3000))), auth).text("id");
        String executionId = api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "x"), auth)
                .text("execution_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/executions/" + executionId + "/logs"
                + "?node_id=second", auth).body().size() >= 1);
        return executionId;
    }

    private static void workflowCompletedWithEachSideEffectOnce(Api api, String[] auth, String executionId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "completed"
                .equals(api.get("/api/v1/executions/" + executionId, auth).text("status")));
        long firstRuns = 0;
        for (JsonNode attempt : api.get("/api/v1/executions/" + executionId + "/logs", auth).body()) {
            firstRuns += attempt.path("node_id").asText().equals("first") ? 1 : 0;
        }
        assertThat(firstRuns).as("the first node ran once, before the restart").isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM tool_invocation WHERE idempotency_key = ?",
                Long.class, "wf:" + executionId + ":first")).isEqualTo(1);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM tool_outbox WHERE run_id = ?", Long.class,
                executionId)).as("each document written once").isEqualTo(2);
    }
}
