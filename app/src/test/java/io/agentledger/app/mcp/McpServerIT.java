package io.agentledger.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.workflow.WorkflowIT;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Seed 004's MCP servers: real servers from npm over stdio, their tools in workflows. */
class McpServerIT extends IntegrationTest {

    private static final Path SERVERS = Path.of(System.getProperty("mcp.servers.dir",
            "target/mcp-servers/node_modules/@modelcontextprotocol"));

    private static String script(String server) {
        return SERVERS.resolve(server).resolve("dist/index.js").toAbsolutePath().toString();
    }

    private JsonNode registerEverything(User admin) {
        Api.Response registered = api.post("/api/v1/mcp/servers", Map.of("name", "everything", "command", "node",
                "args", List.of(script("server-everything"), "stdio"), "description", "reference server",
                "env", Map.of("CUSTOM_VAR", "value")), admin.auth());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.body();
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void aStdioServerIsRegisteredListsItsToolsAndRunsWithNothingOfTheServicesEnvironment() {
        User admin = registerSteppedUp();
        JsonNode server = registerEverything(admin);
        String serverId = server.path("id").asText();
        assertThat(server.path("status").asText()).isEqualTo("connected");
        assertThat(server.path("connected_at").asText()).isNotBlank();
        assertThat(server.path("env_names").toString()).contains("CUSTOM_VAR");
        assertThat(server.toString()).doesNotContain("\"value\"");
        assertThat(names(api.get("/api/v1/mcp/servers", admin.auth()).body())).containsExactly("everything");

        JsonNode tools = api.get("/api/v1/mcp/servers/" + serverId + "/tools", admin.auth()).body();
        assertThat(names(tools)).contains("echo", "get-sum", "get-env");
        assertThat(tools.get(0).path("server_id").asText()).isEqualTo(serverId);
        assertThat(tools.toString()).contains("input_schema");

        JsonNode health = api.get("/api/v1/mcp/servers/" + serverId + "/health", admin.auth()).body();
        assertThat(health.path("status").asText()).isEqualTo("healthy");
        assertThat(health.path("latency_ms").isNumber()).isTrue();
        assertThat(api.get("/health/mcp/" + serverId, admin.auth()).text("status")).isEqualTo("healthy");
        assertThat(api.get("/health/mcp/" + serverId).status()).isEqualTo(401);

        String workflowId = api.post("/api/v1/workflows", Map.of("name", "mcp", "nodes", List.of(
                WorkflowIT.node("env", "tool", Map.of("tool", "get-env", "server_id", serverId, "parameters", Map.of())),
                WorkflowIT.node("say", "tool", Map.of("tool", "echo", "server_id", serverId, "parameters",
                        Map.of("message", "{{input}}")))), "edges", List.of(WorkflowIT.edge("env", "say"))),
                admin.auth()).text("id");
        assertThat(api.post("/api/v1/workflows/" + workflowId + "/validate", null, admin.auth()).body()
                .path("valid").asBoolean()).isTrue();
        String executionId = api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "hello mcp"),
                admin.auth()).text("execution_id");
        JsonNode execution = ended(admin, executionId);
        assertThat(execution.path("status").asText()).as(execution.toString()).isEqualTo("completed");
        String environment = nodeOutput(execution, "env");
        assertThat(environment).contains("CUSTOM_VAR").contains("PATH");
        assertThat(environment).doesNotContain("JAVA_HOME").doesNotContain("MAVEN").doesNotContain("integration-tests");
        assertThat(nodeOutput(execution, "say")).contains("Echo: hello mcp");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tool_invocation WHERE run_id = ?", Long.class,
                executionId)).isEqualTo(2);
    }

    @Test
    void aServerKilledBetweenCallsIsStartedAgainAndTheNodeRuns() throws Exception {
        User admin = registerSteppedUp();
        String serverId = registerEverything(admin).path("id").asText();
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "sum", "nodes", List.of(
                WorkflowIT.node("sum", "tool", Map.of("tool", "get-sum", "server_id", serverId, "parameters",
                        Map.of("a", 2, "b", 3)))), "edges", List.of()), admin.auth()).text("id");
        assertThat(ended(admin, run(admin, workflowId)).path("status").asText()).isEqualTo("completed");

        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("server-everything")).toList();
        assertThat(servers).isNotEmpty();
        servers.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(10)).until(() -> servers.stream().noneMatch(ProcessHandle::isAlive));

        JsonNode again = ended(admin, run(admin, workflowId));
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("completed");
        assertThat(nodeOutput(again, "sum")).contains("5");
        assertThat(api.get("/api/v1/mcp/servers/" + serverId + "/health", admin.auth()).text("status"))
                .isEqualTo("healthy");
    }

    @Test
    void aServerKilledInTheMiddleOfACallFailsThatAttemptAndTheRetryRunsOnAFreshServer() {
        User admin = registerSteppedUp();
        String serverId = registerEverything(admin).path("id").asText();
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "long", "nodes", List.of(
                WorkflowIT.node("slow", "tool", Map.of("tool", "trigger-long-running-operation", "server_id", serverId,
                        "parameters", Map.of("duration", 2, "steps", 2), "timeout_ms", 15_000))), "edges", List.of(),
                "definition", Map.of("retry_policy", Map.of("max_attempts", 2, "backoff_strategy", "fixed",
                        "delay_ms", 100))), admin.auth()).text("id");
        String executionId = run(admin, workflowId);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/executions/" + executionId + "/logs",
                admin.auth()).body().toString().contains("\"running\""));
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("server-everything")).toList();
        assertThat(servers).isNotEmpty();
        servers.forEach(ProcessHandle::destroyForcibly);

        JsonNode execution = ended(admin, executionId);
        assertThat(execution.path("status").asText()).as(execution.toString()).isEqualTo("completed");
        JsonNode attempts = api.get("/api/v1/executions/" + executionId + "/logs", admin.auth()).body();
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).path("status").asText()).isEqualTo("retrying");
        assertThat(attempts.get(1).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void aNodeThatOutlastsItsTimeoutFailsWithIt() {
        User admin = registerSteppedUp();
        String serverId = registerEverything(admin).path("id").asText();
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "too slow", "nodes", List.of(
                WorkflowIT.node("slow", "tool", Map.of("tool", "trigger-long-running-operation", "server_id", serverId,
                        "parameters", Map.of("duration", 10, "steps", 2), "timeout_ms", 1000))), "edges", List.of()),
                admin.auth()).text("id");
        JsonNode execution = ended(admin, run(admin, workflowId));
        assertThat(execution.path("status").asText()).isEqualTo("failed");
        assertThat(execution.path("error").asText()).contains("timed out after 1000 ms");
        assertThat(execution.path("duration_ms").asLong()).isLessThan(9000);
    }

    @Test
    void theFilesystemServerReadsOnlyTheFolderItWasGiven() throws Exception {
        User admin = registerSteppedUp();
        Path folder = Files.createTempDirectory("mcp-fs");
        Files.writeString(folder.resolve("notes.txt"), "remember the milk");
        Api.Response registered = api.post("/api/v1/mcp/servers", Map.of("name", "filesystem", "command", "node",
                "args", List.of(script("server-filesystem"), folder.toString())), admin.auth());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String serverId = registered.text("id");
        assertThat(names(api.get("/api/v1/mcp/servers/" + serverId + "/tools", admin.auth()).body()))
                .contains("read_text_file", "list_directory");
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "read", "nodes", List.of(
                WorkflowIT.node("read", "tool", Map.of("tool", "read_text_file", "server_id", serverId, "parameters",
                        Map.of("path", folder.resolve("notes.txt").toString()))),
                WorkflowIT.node("escape", "tool", Map.of("tool", "read_text_file", "server_id", serverId, "parameters",
                        Map.of("path", "/etc/passwd")))), "edges", List.of(WorkflowIT.edge("read", "escape"))),
                admin.auth()).text("id");
        JsonNode execution = ended(admin, run(admin, workflowId));
        assertThat(nodeOutput(execution, "read")).contains("remember the milk");
        assertThat(execution.path("status").asText()).isEqualTo("failed");
        assertThat(execution.path("error").asText()).contains("escape");
        assertThat(execution.toString()).doesNotContain("root:x:0");
    }

    @Test
    void registrationIsGuardedAndRefusalsChangeNothing() {
        User admin = register();
        Api.Response noStepUp = api.post("/api/v1/mcp/servers", Map.of("name", "x", "command", "node", "args",
                List.of(script("server-everything"), "stdio")), admin.auth());
        assertThat(noStepUp.status()).isIn(401, 403, 428);
        User steppedUp = registerSteppedUp();
        assertThat(api.post("/api/v1/mcp/servers", Map.of("name", "shell", "command", "bash", "args",
                List.of("-c", "id")), steppedUp.auth()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/mcp/servers", Map.of("name", "path", "command", "/usr/bin/node"),
                steppedUp.auth()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/mcp/servers", Map.of("name", "remote", "url", "http://169.254.169.254/mcp"),
                steppedUp.auth()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/mcp/servers", Map.of("name", "both", "command", "node", "url",
                "http://localhost/x"), steppedUp.auth()).status()).isEqualTo(400);
        Api.Response dead = api.post("/api/v1/mcp/servers", Map.of("name", "dead", "command", "node", "args",
                List.of("-e", "process.exit(3)")), steppedUp.auth());
        assertThat(dead.status()).as(dead.toString()).isEqualTo(400);
        assertThat(dead.rawBody()).contains("could not be reached");
        assertThat(api.get("/api/v1/mcp/servers", steppedUp.auth()).body().size()).isZero();

        User member = invite(steppedUp, "user");
        assertThat(api.post("/api/v1/mcp/servers", Map.of("name", "x", "command", "node", "args",
                List.of(script("server-everything"), "stdio")), member.auth()).status()).isEqualTo(403);

        String serverId = registerEverything(steppedUp).path("id").asText();
        User stranger = registerSteppedUp();
        assertThat(api.get("/api/v1/mcp/servers/" + serverId + "/tools", stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/mcp/servers/" + serverId + "/health", stranger.auth()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/mcp/servers/" + serverId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/mcp/servers", stranger.auth()).body().size()).isZero();
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "theirs", "nodes", List.of(
                WorkflowIT.node("x", "tool", Map.of("tool", "echo", "server_id", serverId))), "edges", List.of()),
                stranger.auth()).text("id");
        assertThat(api.post("/api/v1/workflows/" + workflowId + "/validate", null, stranger.auth()).body()
                .path("errors").toString()).contains("no MCP server " + serverId + " of yours");

        assertThat(api.delete("/api/v1/mcp/servers/" + serverId, steppedUp.auth()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/mcp/servers/" + serverId + "/tools", steppedUp.auth()).status()).isEqualTo(404);
        eventually(() -> api.get("/api/v1/audit/logs?resource_id=" + serverId, steppedUp.auth()).body().path("total")
                .asInt() >= 4);
    }

    private String run(User user, String workflowId) {
        return api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "x"), user.auth())
                .text("execution_id");
    }

    private JsonNode ended(User user, String executionId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> List.of("completed",
                "failed", "stopped").contains(api.get("/api/v1/executions/" + executionId, user.auth()).text("status")));
        return api.get("/api/v1/executions/" + executionId, user.auth()).body();
    }

    private static String nodeOutput(JsonNode execution, String nodeId) {
        for (JsonNode log : execution.path("node_logs")) {
            if (log.path("node_id").asText().equals(nodeId)) {
                return log.path("output").toString();
            }
        }
        return "";
    }
}
