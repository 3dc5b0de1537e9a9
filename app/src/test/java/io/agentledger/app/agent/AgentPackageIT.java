package io.agentledger.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001's agent flow: create, upload a real package, its build, executions, logs, downloads. */
public class AgentPackageIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String ECHO = """
            def handle(payload):
                print("hello from agent")
                return {"echo": payload.get("input"), "n": 42}
            """;

    String agent(User user, String name) {
        Api.Response created = api.post("/api/v1/agents", Map.of("name", name), user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    JsonNode upload(User user, String agentId, byte[] tarGz) {
        HttpResponse<String> response = AgentPackages.upload(base() + "/api/v1/uploads/agent/" + agentId,
                "agent.tar.gz", tarGz, user.auth());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body());
    }

    JsonNode built(User user, String agentId, String versionId) {
        eventually(() -> !List.of("queued", "building").contains(
                api.get("/api/v1/agents/" + agentId + "/versions/" + versionId, user.auth()).text("status")));
        return api.get("/api/v1/agents/" + agentId + "/versions/" + versionId, user.auth()).body();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    @Test
    void aPackageIsStoredBuiltAndExecutedWithItsOutputAndLogs() throws Exception {
        User user = register();
        String agentId = agent(user, "echo");
        byte[] tarGz = AgentPackages.of(AgentPackages.MANIFEST, ECHO).tarGz();

        JsonNode version = upload(user, agentId, tarGz);
        assertThat(version.path("version").asText()).isEqualTo("v1");
        assertThat(version.path("status").asText()).isIn("queued", "building", "ready");
        assertThat(version.path("checksum").asText()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tarGz)));
        assertThat(version.path("size_bytes").asLong()).isEqualTo(tarGz.length);
        String versionId = version.path("id").asText();

        JsonNode ready = built(user, agentId, versionId);
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.path("entrypoint").asText()).isEqualTo("agent.main:handle");
        assertThat(ready.path("config").asText()).contains("runtime: python");
        assertThat(ready.path("build_log").asText()).contains("Extracted").contains("Build completed successfully");
        JsonNode agent = api.get("/api/v1/agents/" + agentId, user.auth()).body();
        assertThat(agent.path("status").asText()).isEqualTo("ready");
        assertThat(agent.path("current_version_id").asText()).isEqualTo(versionId);

        Api.Response executed = api.post("/api/v1/runtime/" + agentId + "/execute",
                Map.of("payload", Map.of("input", "Hello, world!")), user.auth());
        assertThat(executed.status()).as(executed.toString()).isEqualTo(201);
        JsonNode execution = executed.body();
        assertThat(execution.path("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(execution.path("agent_version_id").asText()).isEqualTo(versionId);
        assertThat(execution.path("user_id").asText()).isEqualTo(user.id());
        assertThat(execution.path("input_data").path("input").asText()).isEqualTo("Hello, world!");
        assertThat(execution.path("output_data").path("echo").asText()).isEqualTo("Hello, world!");
        assertThat(execution.path("output_data").path("n").asInt()).isEqualTo(42);
        String executionId = execution.path("id").asText();

        JsonNode runtimeLogs = api.get("/api/v1/logs/executions/" + executionId + "/logs", user.auth()).body();
        assertThat(runtimeLogs.findValuesAsText("message")).contains("hello from agent");
        assertThat(runtimeLogs.get(0).path("source").asText()).isEqualTo("runtime");
        JsonNode agentLogs = api.get("/api/v1/logs/" + agentId, user.auth()).body();
        assertThat(agentLogs.findValuesAsText("source")).contains("build", "runtime");
        assertThat(api.get("/api/v1/agents/" + agentId + "/logs?source=build", user.auth()).body()
                .findValuesAsText("source")).containsOnly("build");

        JsonNode listed = api.get("/api/v1/runtime/executions?agent_version_id=" + versionId, user.auth()).body();
        assertThat(listed.findValuesAsText("id")).containsExactly(executionId);
        JsonNode paged = api.get("/api/v1/runtime/executions?page=1&size=5&agent_id=" + agentId, user.auth()).body();
        assertThat(paged.path("total").asLong()).isEqualTo(1);
        assertThat(paged.path("items").get(0).path("id").asText()).isEqualTo(executionId);
        assertThat(api.get("/api/v1/runtime/executions?page=1&limit=5", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/runtime/executions/" + executionId, user.auth()).text("status"))
                .isEqualTo("completed");
        JsonNode counted = api.get("/api/v1/agents/" + agentId, user.auth()).body();
        assertThat(counted.path("execution_count").asLong()).isEqualTo(1);
        assertThat(counted.path("last_execution").asText()).isNotBlank();

        HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/v1/uploads/"
                        + version.path("tarball_path").asText())).header("Authorization", "Bearer "
                        + user.accessToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(tarGz);

        JsonNode second = upload(user, agentId, tarGz);
        assertThat(second.path("version").asText()).isEqualTo("v2");

        List<String> history = new java.util.ArrayList<>();
        api.get("/api/v1/history/agent/" + agentId, user.auth()).body().path("items")
                .forEach(item -> history.add(item.path("type").asText(item.path("event_type").asText())));
        assertThat(String.join(",", history)).contains("AgentRegistered", "AgentVersionUploaded",
                "AgentVersionBuildStarted", "AgentVersionBuildStagePassed", "AgentVersionBuilt");
        List<String> stages = new java.util.ArrayList<>();
        api.get("/api/v1/history/agent/" + agentId, user.auth()).body().path("items").forEach(item -> {
            if (item.path("type").asText().equals("AgentVersionBuildStagePassed")
                    && item.path("payload").path("version_id").asText().equals(versionId)) {
                stages.add(item.path("payload").path("stage").asText());
            }
        });
        assertThat(stages).containsExactly("extract", "manifest", "entrypoint");
        JsonNode executionHistory = api.get("/api/v1/history/agent_execution/" + executionId, user.auth()).body();
        assertThat(executionHistory.path("total").asInt()).isEqualTo(3);
        assertThat(executionHistory.toString()).contains("Hello, world!").contains("\"n\":42");
    }

    @Test
    void theSandboxGivesNoEnvironmentAndHoldsItsMemoryLimit() {
        User user = register();
        String agentId = agent(user, "probe");
        String probe = """
                import os
                def handle(payload):
                    if payload.get("nul"):
                        print("before\\x00after")
                        raise ValueError("bad\\x00value")
                    if payload.get("allocate"):
                        block = bytearray(2 * 1024 * 1024 * 1024)
                        return {"allocated": len(block)}
                    return {"environment": dict(os.environ), "cwd": os.getcwd()}
                """;
        String versionId = upload(user, agentId, AgentPackages.of(AgentPackages.MANIFEST, probe).tarGz())
                .path("id").asText();
        built(user, agentId, versionId);
        JsonNode seen = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload", Map.of()), user.auth())
                .body();
        assertThat(seen.path("status").asText()).as(seen.toString()).isEqualTo("completed");
        List<String> names = new java.util.ArrayList<>();
        seen.path("output_data").path("environment").fieldNames().forEachRemaining(names::add);
        // Python may add LC_CTYPE when it coerces the C locale; nothing else of the service's environment
        assertThat(names).contains("PATH", "HOME").isSubsetOf("PATH", "HOME", "TMPDIR", "LANG", "LC_CTYPE");
        assertThat(seen.path("output_data").toString()).doesNotContain("integration-tests-secret");
        assertThat(seen.path("output_data").path("cwd").asText()).contains("sandbox");

        JsonNode greedy = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload",
                Map.of("allocate", true)), user.auth()).body();
        assertThat(greedy.path("status").asText()).isEqualTo("failed");
        assertThat(greedy.path("error_message").asText()).contains("MemoryError");

        // NUL in an agent's output and error: recorded (replaced in the read models), nothing stops
        JsonNode nul = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload", Map.of("nul", true)),
                user.auth()).body();
        assertThat(nul.path("status").asText()).as(nul.toString()).isEqualTo("failed");
        assertThat(nul.path("error_message").asText()).contains("bad").contains("value");
        assertThat(api.get("/api/v1/logs/executions/" + nul.path("id").asText() + "/logs", user.auth()).body()
                .toString()).contains("before").contains("after");
        assertThat(api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload", Map.of()), user.auth())
                .body().path("status").asText()).isEqualTo("completed");
    }

    @Test
    void eachMalformedPackageFailsItsBuildWithTheReason() {
        User user = register();
        assertFails(user, AgentPackages.of(null, ECHO), "no anymind.yaml");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, null).file("other.py", "x = 1"),
                "module agent/main.py is not in the package");
        assertFails(user, AgentPackages.of("name: x\nversion: 1\nruntime: python\n", ECHO), "has no entrypoint");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST.replace("python", "ruby"), ECHO),
                "runtime ruby is not supported");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, "handle = 5\n"), "is not a callable");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, "raise RuntimeError('broken at import')\n"),
                "broken at import");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).file("../escaped.py", "x = 1"),
                "climbs out of the package");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).file("/tmp/absolute.py", "x = 1"),
                "absolute");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).symlink("agent/passwd", "/etc/passwd"),
                "points outside the package");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).symlink("up", "../../.."),
                "points outside the package");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).file("x/y/keep.txt", "k")
                .symlink("x/y/z", "../..").symlink("x/y/z/q", "../../.."), "points outside the package");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).file("agent/main.py", "x = 2"),
                "over another entry");
        assertFails(user, AgentPackages.of(AgentPackages.MANIFEST, ECHO).zeros("data/zeros.bin", 40L << 20),
                "compression bomb");
        assertThat(Path.of("target/it-data/files").resolve("escaped.py")).doesNotExist();
    }

    private void assertFails(User user, AgentPackages pkg, String reason) {
        String agentId = agent(user, "bad-" + reason.hashCode());
        JsonNode version = upload(user, agentId, pkg.tarGz());
        JsonNode failed = built(user, agentId, version.path("id").asText());
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains(reason);
        assertThat(failed.path("build_log").asText()).contains("Build failed");
        assertThat(api.get("/api/v1/agents/" + agentId, user.auth()).text("status")).isEqualTo("failed");
        Api.Response refused = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload", Map.of()),
                user.auth());
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void uploadsThatAreNoPackageOrTooLargeAreRefusedAndStoreNothing() {
        User user = register();
        String agentId = agent(user, "picky");
        HttpResponse<String> notGzip = AgentPackages.upload(base() + "/api/v1/uploads/agent/" + agentId,
                "agent.tar.gz", "plain text".getBytes(), user.auth());
        assertThat(notGzip.statusCode()).isEqualTo(400);
        assertThat(notGzip.body()).contains("tar.gz");
        HttpResponse<String> wrongName = AgentPackages.upload(base() + "/api/v1/uploads/agent/" + agentId,
                "agent.zip", AgentPackages.of(AgentPackages.MANIFEST, ECHO).tarGz(), user.auth());
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(wrongName.body()).contains("File must be a .tar.gz archive");
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        HttpResponse<String> tooLarge = AgentPackages.upload(base() + "/api/v1/uploads/agent/" + agentId,
                "agent.tar.gz", big, user.auth());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        HttpResponse<String> anonymous = AgentPackages.upload(base() + "/api/v1/uploads/agent/" + agentId,
                "agent.tar.gz", AgentPackages.of(AgentPackages.MANIFEST, ECHO).tarGz());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        assertThat(api.get("/api/v1/agents/" + agentId + "/versions", user.auth()).body().size()).isZero();
        assertThat(api.get("/api/v1/agents/" + agentId, user.auth()).text("status")).isEqualTo("draft");
        assertThat(Path.of("target/it-data/files").resolve(user.tenantId()).resolve("agents").resolve(agentId)
                .resolve("artifacts").toFile().list()).isNullOrEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfItAndPathsCannotLeaveTheTenantsStore() {
        User owner = register();
        String agentId = agent(owner, "walled");
        JsonNode version = upload(owner, agentId, AgentPackages.of(AgentPackages.MANIFEST, ECHO).tarGz());
        String versionId = version.path("id").asText();
        built(owner, agentId, versionId);
        String executionId = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload",
                Map.of("input", "x")), owner.auth()).text("id");

        User stranger = register();
        assertThat(AgentPackages.upload(base() + "/api/v1/uploads/agent/" + agentId, "a.tar.gz",
                AgentPackages.of(AgentPackages.MANIFEST, ECHO).tarGz(), stranger.auth()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/uploads/" + version.path("tarball_path").asText(), stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agents/" + agentId + "/versions/" + versionId, stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload", Map.of()),
                stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/runtime/executions/" + executionId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/runtime/executions/" + executionId + "/cancel", null, stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/logs/" + agentId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/logs/executions/" + executionId + "/logs", stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/runtime/executions", stranger.auth()).body().size()).isZero();

        String ownerTenant = owner.tenantId();
        for (String path : List.of("../" + ownerTenant + "/" + version.path("tarball_path").asText(),
                "..%2f" + ownerTenant + "%2f" + version.path("tarball_path").asText(), "%2e%2e/%2e%2e/checkpoint.key",
                "agents/../../../checkpoint.key", "/etc/passwd", "agents/" + agentId + "/builds/" + versionId
                        + "/anymind.yaml")) {
            Api.Response attempt = api.get("/api/v1/uploads/" + path, stranger.auth());
            assertThat(attempt.status()).as(path).isIn(400, 404);
        }
    }

    @Test
    void aSlowAgentTimesOutAndACancelledOneStopsWithTheProcessesTheyStarted() throws Exception {
        User user = register();
        String agentId = agent(user, "sleeper");
        String sleeper = """
                import os, subprocess, time
                def handle(payload):
                    child = subprocess.Popen(["sleep", "60"])
                    with open(payload["pids"], "w") as f:
                        f.write(str(os.getpid()) + " " + str(child.pid))
                    time.sleep(60)
                    return {"woke": True}
                """;
        String versionId = upload(user, agentId, AgentPackages.of(AgentPackages.MANIFEST, sleeper).tarGz())
                .path("id").asText();
        assertThat(built(user, agentId, versionId).path("status").asText()).isEqualTo("ready");

        Path timedOutPids = Files.createTempFile("sleeper", ".pids");
        Api.Response timedOut = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload",
                Map.of("pids", timedOutPids.toAbsolutePath().toString()), "timeout_ms", 2000), user.auth());
        assertThat(timedOut.status()).isEqualTo(201);
        assertThat(timedOut.body().path("status").asText()).as(timedOut.toString()).isEqualTo("failed");
        assertThat(timedOut.body().path("timed_out").asBoolean()).isTrue();
        assertThat(timedOut.body().path("error_message").asText()).contains("timed out");
        assertGone(timedOutPids);

        Path cancelledPids = Files.createTempFile("sleeper", ".pids");
        Api.Response queued = api.post("/api/v1/agents/" + agentId + "/execute", Map.of("command",
                Map.of("action", "sleep", "parameters", Map.of("pids", cancelledPids.toAbsolutePath().toString()))),
                user.auth());
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(queued.body().path("data").path("status").asText()).isIn("queued", "executing");
        String executionId = queued.body().path("data").path("execution_id").asText();
        eventually(() -> fileHasPids(cancelledPids));
        assertThat(api.get("/api/v1/agents/" + agentId + "/status", user.auth()).text("state")).isEqualTo("executing");
        Api.Response cancelled = api.post("/api/v1/runtime/executions/" + executionId + "/cancel", null, user.auth());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
        assertGone(cancelledPids);
        assertThat(api.post("/api/v1/runtime/executions/" + executionId + "/cancel", null, user.auth()).status())
                .isEqualTo(409);
    }

    @Test
    void aTenantRunsAtMostTwoExecutionsAtOnceAndTheRestWait() throws Exception {
        User user = register();
        String agentId = agent(user, "crowd");
        String sleeper = """
                import os, time
                def handle(payload):
                    with open(payload["pids"], "w") as f:
                        f.write(str(os.getpid()))
                    time.sleep(60)
                """;
        String versionId = upload(user, agentId, AgentPackages.of(AgentPackages.MANIFEST, sleeper).tarGz())
                .path("id").asText();
        built(user, agentId, versionId);
        List<String> executions = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path pids = Files.createTempFile("crowd", ".pid");
            executions.add(api.post("/api/v1/agents/" + agentId + "/execute", Map.of("command", Map.of("action",
                    "wait", "parameters", Map.of("pids", pids.toAbsolutePath().toString()))), user.auth())
                    .body().path("data").path("execution_id").asText());
        }
        eventually(() -> api.get("/api/v1/runtime/executions?status=running&agent_id=" + agentId, user.auth())
                .body().size() == 2);
        Thread.sleep(1500);
        assertThat(api.get("/api/v1/runtime/executions?status=running&agent_id=" + agentId, user.auth()).body()
                .size()).isEqualTo(2);
        assertThat(api.get("/api/v1/runtime/executions?status=pending&agent_id=" + agentId, user.auth()).body()
                .size()).isEqualTo(1);
        JsonNode status = api.get("/api/v1/agents/" + agentId + "/status", user.auth()).body();
        assertThat(status.path("running_executions").asLong()).isEqualTo(2);
        assertThat(status.path("pending_executions").asLong()).isEqualTo(1);
        for (String id : executions) {
            api.post("/api/v1/runtime/executions/" + id + "/cancel", null, user.auth());
        }
        eventually(() -> api.get("/api/v1/runtime/executions?status=cancelled&agent_id=" + agentId, user.auth())
                .body().size() == 3);
    }

    @Test
    void anAgentWithoutAPackageAnswersOnTheAgentRuntimeAndItsWholeLifeIsAudited() {
        User user = register();
        String agentId = api.post("/api/v1/agents", Map.of("name", "assistant", "description", "Schedules things",
                "config", Map.of("preferences", Map.of("tone", "brief"))), user.auth()).text("id");
        Api.Response answered = api.post("/api/v1/agents/" + agentId + "/execute", Map.of("command",
                Map.of("action", "Schedule a meeting with the design team", "parameters", Map.of("day", "monday"),
                        "priority", "normal"), "wait_for_completion", true), user.auth());
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode data = answered.body().path("data");
        assertThat(answered.body().path("success").asBoolean()).isTrue();
        assertThat(data.path("status").asText()).isEqualTo("completed");
        assertThat(data.path("result").path("success").asBoolean()).isTrue();
        assertThat(data.path("result").path("data").asText()).contains("scheduling");
        assertThat(data.path("result").path("metadata").has("execution_time")).isTrue();
        JsonNode status = api.get("/api/v1/agents/" + agentId + "/status", user.auth()).body();
        assertThat(status.path("state").asText()).isEqualTo("idle");
        assertThat(status.path("health_score").asDouble()).isEqualTo(1.0);
        assertThat(status.path("resource_usage").path("api_calls_per_minute").asLong()).isEqualTo(1);

        String executionId = data.path("execution_id").asText();
        eventually(() -> api.get("/api/v1/audit/logs?resource_id=" + executionId, user.auth()).body()
                .path("total").asInt() == 3);
        List<String> actions = new java.util.ArrayList<>();
        api.get("/api/v1/audit/logs?resource_id=" + executionId, user.auth()).body().path("items")
                .forEach(item -> actions.add(item.path("action").asText()));
        assertThat(actions).containsExactlyInAnyOrder("execution.request", "execution.start",
                "execution.complete");
    }

    private static boolean fileHasPids(Path file) {
        try {
            return Files.readString(file).strip().split(" ").length >= 1 && !Files.readString(file).isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Every process whose id the agent wrote is gone (the process group was killed). */
    private static void assertGone(Path pidFile) throws java.io.IOException {
        String[] pids = Files.readString(pidFile).strip().split(" ");
        assertThat(pids[0]).isNotBlank();
        for (String pid : pids) {
            eventually(() -> ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true));
        }
    }
}
