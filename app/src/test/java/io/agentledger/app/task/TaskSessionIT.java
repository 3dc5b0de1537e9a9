package io.agentledger.app.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.live.JdkWebSocket;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 002's sessions, tasks and artifacts through its own routes, followed on its task socket. */
class TaskSessionIT extends IntegrationTest {

    private final List<JdkWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(JdkWebSocket::close);
    }

    private JdkWebSocket follow(String taskId, String token, String more) throws Exception {
        JdkWebSocket socket = JdkWebSocket.open(URI.create("ws://127.0.0.1:" + port() + "/ws/tasks/" + taskId
                + "?token=" + token + more));
        sockets.add(socket);
        return socket;
    }

    private String session(User user) {
        Api.Response created = api.post("/api/sessions", Map.of("name", "Bug Fix Session", "working_directory",
                "/path/to/project"), user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String task(User user, String sessionId, String description) {
        Api.Response created = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description", description,
                "model", "gpt-4o"), user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("running");
        return created.text("id");
    }

    private JsonNode awaitEnd(User user, String taskId) {
        eventually(() -> !api.get("/api/tasks/" + taskId, user.auth()).text("status").equals("running"));
        return api.get("/api/tasks/" + taskId, user.auth()).body();
    }

    @Test
    void aTaskWritesAFileListsTheFilesAndItsArtifactsMatchTheirDigests() throws Exception {
        User user = register();
        String sessionId = session(user);
        JsonNode session = api.get("/api/sessions/" + sessionId, user.auth()).body();
        assertThat(session.path("status").asText()).isEqualTo("active");
        assertThat(session.path("working_directory").asText()).isEqualTo("/path/to/project");

        String taskId = task(user, sessionId, "Write a file named notes.md that says hello, then list the files");
        JdkWebSocket socket = follow(taskId, user.accessToken(), "");
        eventually(() -> socket.closes.contains(1000));
        assertThat(socket.types()).contains("status", "token", "plan_update", "tool_call", "tool_result")
                .endsWith("status");
        List<JsonNode> calls = socket.messages.stream().filter(m -> m.path("type").asText().equals("tool_call")).toList();
        assertThat(calls).extracting(m -> m.path("tool").asText()).containsExactly("write_file", "list_files");
        assertThat(calls.get(0).path("input").path("path").asText()).isEqualTo("notes.md");
        JsonNode listed = socket.messages.stream().filter(m -> m.path("type").asText().equals("tool_result"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(listed.path("success").asBoolean()).isTrue();
        assertThat(listed.path("output").asText()).contains("notes.md (6 bytes)");
        JsonNode last = socket.messages.get(socket.messages.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("completed");
        assertThat(last.path("timestamp").asText()).isNotBlank();
        JsonNode lastPlan = socket.messages.stream().filter(m -> m.path("type").asText().equals("plan_update"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(lastPlan.path("plan").path("steps").findValuesAsText("status")).containsOnly("completed");

        JsonNode task = api.get("/api/tasks/" + taskId, user.auth()).body();
        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("iterations").asInt()).isEqualTo(3);
        assertThat(task.path("completed_at").asText()).isNotBlank();
        assertThat(task.path("plan").path("steps")).hasSize(2);
        assertThat(task.path("plan").path("steps").findValuesAsText("status")).containsOnly("completed");
        assertThat(task.path("result").path("success").asBoolean()).isTrue();
        assertThat(task.path("result").path("summary").asText()).contains("Write notes.md");

        JsonNode listing = api.get("/api/sessions/" + sessionId + "/tasks", user.auth()).body();
        assertThat(listing).hasSize(1);
        assertThat(listing.get(0).path("iterations").asInt()).isEqualTo(3);
        assertThat(api.get("/api/sessions", user.auth()).body().get(0).path("task_count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/sessions/" + sessionId, user.auth()).body().path("tasks").get(0).path("status")
                .asText()).isEqualTo("completed");

        JsonNode artifacts = api.get("/api/tasks/" + taskId + "/artifacts", user.auth()).body();
        assertThat(artifacts).extracting(a -> a.path("name").asText()).containsExactly("notes.md", "plan.json");
        JsonNode notes = artifacts.get(0);
        assertThat(notes.path("type").asText()).isEqualTo("file");
        assertThat(notes.path("size").asLong()).isEqualTo(6);
        Api.Response download = api.get("/api/tasks/" + taskId + "/artifacts/" + notes.path("id").asText(),
                user.auth());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.rawBody()).isEqualTo("hello\n");
        assertThat(download.header("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(sha256(download.rawBody())).isEqualTo(notes.path("sha256").asText());
        JsonNode plan = artifacts.get(1);
        assertThat(plan.path("type").asText()).isEqualTo("plan");
        Api.Response planFile = api.get("/api/v1/tasks/" + taskId + "/artifacts/" + plan.path("id").asText(),
                user.auth());
        assertThat(sha256(planFile.rawBody())).isEqualTo(plan.path("sha256").asText());
        assertThat(planFile.rawBody()).contains("\"step-2\"").contains("List the files");

        long from = socket.messages.get(2).path("position").asLong();
        JdkWebSocket resumed = follow(taskId, user.accessToken(), "&from_position=" + from);
        eventually(() -> resumed.closes.contains(1000));
        assertThat(resumed.messages).allSatisfy(m -> assertThat(m.path("position").asLong()).isGreaterThan(from));
        assertThat(resumed.types()).endsWith("status").contains("tool_result");

        JsonNode audit = api.get("/api/v1/audit/logs?resource_type=task&resource_id=" + taskId, user.auth()).body();
        assertThat(audit.toString()).contains("task.tool_call").contains("task.artifact").contains("task.complete");
    }

    @Test
    void seed002sClientSignsUpAndInOnItsOwnRoutesAndRunsItsFlow() {
        String email = unique("devin") + "@example.com";
        Api.Response signedUp = api.post("/api/auth/register", Map.of("email", email, "password",
                "a long enough password", "name", "John Doe", "default_model", "gpt-4o"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        assertThat(signedUp.text("email")).isEqualTo(email);
        assertThat(signedUp.text("name")).isEqualTo("John Doe");
        assertThat(signedUp.text("id")).startsWith("user_");
        assertThat(api.post("/api/auth/register", Map.of("email", email, "password", "a long enough password",
                "name", "Again")).status()).isEqualTo(409);
        assertThat(api.post("/api/auth/register", Map.of("email", "short@example.com", "password", "short"))
                .status()).isEqualTo(422);
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", "wrong password!!")).status())
                .isEqualTo(401);

        Api.Response login = api.post("/api/auth/login", Map.of("email", email, "password", "a long enough password"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualTo("bearer");
        String[] auth = {"Authorization", "Bearer " + login.text("access_token")};
        assertThat(api.get("/api/models", auth).status()).isEqualTo(200);
        assertThat(api.get("/api/providers", auth).status()).isEqualTo(200);
        String sessionId = api.post("/api/sessions", Map.of("name", "New Session", "working_directory",
                "/path/to/project"), auth).text("id");
        String taskId = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description",
                "list the files", "model", "gpt-4o", "run_mode", "offline"), auth).text("id");
        eventually(() -> "completed".equals(api.get("/api/tasks/" + taskId, auth).text("status")));
    }

    @Test
    void anArtifactWhoseBytesChangedOnDiskIsNotServed() throws Exception {
        User user = register();
        String taskId = task(user, session(user), "write a file named a.txt that says original");
        awaitEnd(user, taskId);
        JsonNode artifact = api.get("/api/tasks/" + taskId + "/artifacts", user.auth()).body().get(0);
        Path stored = Path.of("target/it-data/tasks", user.tenantId(), "artifacts", taskId, artifact.path("id").asText());
        Files.writeString(stored, "tampered");
        Api.Response download = api.get("/api/tasks/" + taskId + "/artifacts/" + artifact.path("id").asText(),
                user.auth());
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.text("detail")).contains("digest");
    }

    @Test
    void aCommandRunsInTheSessionsFolderWithoutTheServicesSecrets() {
        User user = register();
        String sessionId = session(user);
        String taskId = task(user, sessionId, "run the command `pwd; env | cut -d= -f1 | sort | tr '\\n' ' '`");
        JsonNode task = awaitEnd(user, taskId);
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        JsonNode result = api.get("/api/v1/audit/logs?resource_type=task&resource_id=" + taskId
                + "&action=task.tool_result", user.auth()).body();
        String output = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND payload_type LIKE '%TaskToolReturned'", String.class, taskId);
        assertThat(output).contains("exit code 0").contains("/tasks/" + user.tenantId() + "/sessions/" + sessionId)
                .doesNotContain("JWT").doesNotContain("DATABASE").doesNotContain("JAVA_HOME");
        assertThat(result.toString()).contains("task.tool_result");
    }

    @Test
    void stopOverTheSocketKillsTheRunningCommandAndInputAddsSteps() throws Exception {
        User user = register();
        String sessionId = session(user);
        String sleeping = task(user, sessionId, "run the command `sleep 41.75`");
        JdkWebSocket socket = follow(sleeping, user.accessToken(), "");
        eventually(() -> socket.types().contains("tool_call"));
        socket.send(Map.of("type", "stop"));
        eventually(() -> socket.closes.contains(1000));
        assertThat(socket.messages.get(socket.messages.size() - 1).path("status").asText()).isEqualTo("stopped");
        eventually(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains("sleep 41.75")));
        JsonNode stopped = awaitEnd(user, sleeping);
        assertThat(stopped.path("status").asText()).isEqualTo("stopped");
        assertThat(api.post("/api/tasks/" + sleeping + "/stop", null, user.auth()).status()).isEqualTo(409);

        String growing = task(user, sessionId, "run the command `sleep 3`");
        JdkWebSocket talk = follow(growing, user.accessToken(), "");
        eventually(() -> talk.types().contains("tool_call"));
        talk.send(Map.of("type", "input", "content", "write a file named later.txt that says added"));
        talk.send(Map.of("type", "dance"));
        talk.send(Map.of("type", "input", "content", "write a file named nul.txt that says a\u0000b"));
        eventually(() -> talk.closes.contains(1000));
        assertThat(talk.messages).anySatisfy(m -> {
            assertThat(m.path("type").asText()).isEqualTo("error");
            assertThat(m.path("error").asText()).contains("stop or input");
        });
        assertThat(talk.messages).anySatisfy(m -> assertThat(m.path("error").asText()).contains("NUL"));
        JsonNode grown = awaitEnd(user, growing);
        assertThat(grown.path("status").asText()).as(grown.toString()).isEqualTo("completed");
        assertThat(grown.path("plan").path("steps")).as("the NUL-laden input was refused").hasSize(2);
        assertThat(api.get("/api/tasks/" + growing + "/artifacts", user.auth()).body().findValuesAsText("name"))
                .contains("later.txt");
    }

    @Test
    void pathsLeavingTheWorkspaceAndInstructionsNotUnderstoodFailTheTaskClearly() {
        User user = register();
        String sessionId = session(user);
        JsonNode escaped = awaitEnd(user, task(user, sessionId, "read the file ../../../../etc/passwd"));
        assertThat(escaped.path("status").asText()).isEqualTo("failed");
        assertThat(escaped.path("error_code").asText()).isEqualTo("STEP_FAILED");
        assertThat(escaped.path("error").asText()).contains("leaves the workspace").doesNotContain("root:");

        JsonNode linked = awaitEnd(user, task(user, sessionId, "run the command `ln -s /etc outside`, then read the "
                + "file outside/hostname"));
        assertThat(linked.path("error").asText()).contains("through a link");

        JsonNode vague = awaitEnd(user, task(user, sessionId, "Fix the failing test in tests/test_api.py"));
        assertThat(vague.path("error_code").asText()).isEqualTo("NOT_UNDERSTOOD");
        assertThat(vague.path("error").asText()).contains("LLM_PROVIDER");
        assertThat(vague.path("result").path("success").asBoolean()).isFalse();
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        User user = register();
        String sessionId = session(user);
        assertThat(api.post("/api/sessions", Map.of("working_directory", "/x"), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/sessions", Map.of("name", "n".repeat(201)), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/sessions/" + sessionId + "/tasks", Map.of("model", "gpt-4o"), user.auth()).status())
                .isEqualTo(422);
        assertThat(api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description", "x".repeat(20_001)),
                user.auth()).status()).isEqualTo(422);
        Api.Response provider = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description", "list the files",
                "provider", "anthropic"), user.auth());
        assertThat(provider.status()).isEqualTo(422);
        assertThat(provider.text("detail")).contains("LLM_PROVIDER");
        assertThat(api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description", "x".repeat(70_000)),
                user.auth()).status()).isEqualTo(413);
        assertThat(api.post("/api/sessions/tses_nope/tasks", Map.of("description", "list the files"), user.auth())
                .status()).isEqualTo(404);
        assertThat(api.call("POST", "/api/sessions", "{not json", user.auth("Content-Type", "application/json"))
                .status()).isEqualTo(400);
        assertThat(api.get("/api/sessions/" + sessionId + "/tasks", user.auth()).body()).isEmpty();
        assertThat(api.get("/api/sessions?limit=0", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/sessions").status()).isEqualTo(401);
    }

    @Test
    void anotherTenantSeesNothingAndAnAuditorOnlyReads() throws Exception {
        User owner = register();
        String sessionId = session(owner);
        String taskId = task(owner, sessionId, "write a file named a.txt that says mine");
        awaitEnd(owner, taskId);
        String artifactId = api.get("/api/tasks/" + taskId + "/artifacts", owner.auth()).body().get(0).path("id")
                .asText();
        User stranger = register();
        for (String path : List.of("/api/sessions/" + sessionId, "/api/sessions/" + sessionId + "/tasks",
                "/api/tasks/" + taskId, "/api/tasks/" + taskId + "/artifacts",
                "/api/tasks/" + taskId + "/artifacts/" + artifactId)) {
            assertThat(api.get(path, stranger.auth()).status()).as(path).isEqualTo(404);
        }
        assertThat(api.get("/api/sessions", stranger.auth()).body()).isEmpty();
        assertThat(api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description", "list the files"),
                stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/tasks/" + taskId + "/stop", null, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.delete("/api/sessions/" + sessionId, stranger.auth()).status()).isEqualTo(404);
        assertThatThrownBy(() -> follow(taskId, stranger.accessToken(), "")).satisfies(failure ->
                assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> follow(taskId, "not-a-token", "")).satisfies(failure ->
                assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(401));

        User auditor = invite(owner, "auditor");
        assertThat(api.get("/api/tasks/" + taskId, auditor.auth()).status()).isEqualTo(200);
        assertThat(api.post("/api/sessions", Map.of("name", "nope"), auditor.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/sessions/" + sessionId, owner.auth()).body().path("task_count").asInt()).isEqualTo(1);
    }

    @Test
    void deletingASessionStopsItsRunningTasksAndRemovesItsWorkspace() {
        User user = register();
        String sessionId = session(user);
        String taskId = task(user, sessionId, "write a file named keep.txt that says x, then run the command "
                + "`sleep 43.5`");
        eventually(() -> api.get("/api/tasks/" + taskId + "/artifacts", user.auth()).body().size() == 1);
        Path workspace = Path.of("target/it-data/tasks", user.tenantId(), "sessions", sessionId);
        assertThat(workspace.resolve("keep.txt")).exists();
        assertThat(api.delete("/api/sessions/" + sessionId, user.auth()).status()).isEqualTo(204);
        assertThat(api.get("/api/sessions/" + sessionId, user.auth()).status()).isEqualTo(404);
        assertThat(api.delete("/api/sessions/" + sessionId, user.auth()).status()).isEqualTo(404);
        assertThat(awaitEnd(user, taskId).path("status").asText()).isEqualTo("stopped");
        assertThat(workspace).doesNotExist();
        assertThat(api.get("/api/tasks/" + taskId + "/artifacts", user.auth()).body()).hasSize(1);
        eventually(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains("sleep 43.5")));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
