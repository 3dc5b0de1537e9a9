package io.agentledger.app.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.DatabaseScan;
import io.agentledger.app.support.StandaloneService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.agentledger.app.llm.ChatCompletionsStub.content;
import static io.agentledger.app.llm.ChatCompletionsStub.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole service configured for OpenAI, its LangChain4j client talking to a local stub; the plans
 * the stub scripts also show runs using a tenant's secrets by name.
 */
class ProviderRunIT {

    private static ChatCompletionsStub stub;
    private static ConfigurableApplicationContext service;
    private static Api api;
    private static String[] auth;
    private static final Deque<String> backupCodes = new ArrayDeque<>();

    @BeforeAll
    static void start() throws Exception {
        stub = new ChatCompletionsStub();
        service = StandaloneService.start(null,
                "--agentledger.llm.provider=openai",
                "--agentledger.llm.providers.openai.base-url=" + stub.baseUrl(),
                "--agentledger.llm.providers.openai.api-key=sk-test",
                "--agentledger.llm.providers.openai.model=gpt-4o-mini",
                "--agentledger.llm.backoff=PT0.01S",
                "--agentledger.llm.timeout=PT2S",
                "--agentledger.tools.http.allowed-hosts=127.0.0.1");
        api = StandaloneService.api(service);
        auth = StandaloneService.registerUser(api, "provider");
    }

    @AfterAll
    static void stop() {
        service.close();
        stub.close();
    }

    private static String startGoal(String text) {
        String goalId = api.post("/api/v1/goals", Map.of("text", text, "autonomy_level", "L3"), auth).text("id");
        return api.post("/api/v1/goals/" + goalId + "/start", null, auth).text("run_id");
    }

    private static JsonNode runWhen(String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(api.get("/api/v1/runs/" + runId, auth).text("status")).isEqualTo(status));
        return api.get("/api/v1/runs/" + runId, auth).body();
    }

    @Test
    void aGoalRunsOnTheModelWithTokensAndCostFromItsReplies() {
        stub.then(content("{\"intent\": \"research\", \"confidence\": 0.9}", 1000, 10))
                .then(toolCall("submit_plan", "{\"tasks\": [{\"title\": \"Look it up\", \"tool\": \"web_search\", "
                        + "\"parameters\": {\"query\": \"e-bike market\"}}]}", 2000, 100))
                .then(content("Searched the e-bike market.", 500, 40));

        JsonNode run = runWhen(startGoal("Research the e-bike market"), "completed");

        assertThat(run.path("checkpoints").path("intent_router").path("result").path("intent").asText())
                .isEqualTo("research");
        assertThat(run.path("checkpoints").path("executor").path("steps").findValuesAsText("tool"))
                .containsExactly("web_search");
        assertThat(run.path("metrics").path("tokens_used").asLong()).isEqualTo(3650);
        assertThat(run.path("metrics").path("api_calls").asLong()).isEqualTo(3);
        // gpt-4o-mini in the catalogue: 0.00015 per 1k input, 0.0006 per 1k output: 0.000156 + 0.00036 + 0.000099
        assertThat(run.path("cost").decimalValue()).isEqualByComparingTo("0.000615");
        String goalId = run.path("goal_id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "completed".equals(api.get("/api/v1/goals/" + goalId, auth).text("status")));
        assertThat(api.get("/api/v1/goals/" + goalId, auth).text("summary")).isEqualTo("Searched the e-bike market.");
        assertThat(api.get("/api/v1/providers", auth).text("default_model")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void theTenantsMcpToolsAreOfferedToThePlannerAndRunAsSteps() {
        steppedUp();
        String script = java.nio.file.Path.of(System.getProperty("mcp.servers.dir",
                "target/mcp-servers/node_modules/@modelcontextprotocol")).resolve("server-everything/dist/index.js")
                .toAbsolutePath().toString();
        assertThat(api.post("/api/v1/mcp/servers", Map.of("name", "everything", "command", "node", "args",
                java.util.List.of(script, "stdio")), auth).status()).isEqualTo(201);
        stub.then(content("{\"intent\": \"communication\", \"confidence\": 0.9}", 100, 10))
                .then(toolCall("submit_plan", "{\"tasks\": [{\"title\": \"Echo\", \"tool\": \"mcp_everything_echo\", "
                        + "\"parameters\": {\"message\": \"from the planner\"}}]}", 200, 10))
                .then(content("Echoed.", 50, 5));

        JsonNode run = runWhen(startGoal("Send an echo through the reference server"), "completed");

        JsonNode steps = run.path("checkpoints").path("executor").path("steps");
        assertThat(steps.size()).isEqualTo(1);
        assertThat(steps.get(0).path("tool").asText()).isEqualTo("mcp_everything_echo");
        assertThat(steps.toString()).contains("Echo: from the planner");
        assertThat(stub.requests().get(stub.requests().size() - 2).toString()).contains("mcp_everything_echo");
    }

    @Test
    void aTaskRunsOnTheModelsToolCallsAndTheResultsGoBackToIt() {
        String sessionId = api.post("/api/sessions", Map.of("name", "model"), auth).text("id");
        stub.then(toolCall("write_file", "{\"path\": \"docs/hello.txt\", \"content\": \"hi there\"}", 300, 20))
                .then(toolCall("list_files", "{}", 400, 10))
                .then(content("Wrote docs/hello.txt and checked it is there.", 500, 15));
        String taskId = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description",
                "Leave a greeting in docs/hello.txt"), auth).text("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"running".equals(api.get("/api/tasks/" + taskId, auth).text("status")));

        JsonNode task = api.get("/api/tasks/" + taskId, auth).body();
        assertThat(task.path("status").asText()).as(task.toString()).isEqualTo("completed");
        assertThat(task.path("provider").asText()).isEqualTo("openai");
        assertThat(task.path("iterations").asInt()).isEqualTo(3);
        assertThat(task.path("result").path("summary").asText()).isEqualTo("Wrote docs/hello.txt and checked it is "
                + "there.");
        assertThat(task.path("plan").path("steps").findValuesAsText("description"))
                .containsExactly("write_file docs/hello.txt", "list_files");
        assertThat(api.get("/api/tasks/" + taskId + "/artifacts", auth).body().findValuesAsText("name"))
                .containsExactly("docs/hello.txt", "plan.json");
        List<String> requests = stub.requests();
        String last = requests.get(requests.size() - 1);
        assertThat(last).contains("Wrote 8 bytes to docs/hello.txt").contains("docs/hello.txt (8 bytes)")
                .contains("run_command").contains("Leave a greeting");
    }

    @Test
    void speechGoesToTheProvidersAudioEndpointsAndTheRecordingStaysOutOfTheEvents() throws Exception {
        String audio = java.util.Base64.getEncoder().encodeToString(("RIFF....WAVEfmt fake-pcm SAID:Research "
                + "the solar panel market").getBytes(StandardCharsets.ISO_8859_1));
        stub.then(content("{\"intent\": \"research\", \"confidence\": 0.88}", 10, 5))
                .then(content("Solar panels: here is what I found.", 10, 5));
        Api.Response processed = api.post("/api/v1/voice/process", Map.of("audio_data", audio, "language", "en"),
                auth);
        assertThat(processed.status()).as(processed.toString()).isEqualTo(200);
        JsonNode data = processed.body().path("data");
        assertThat(data.path("transcribed_text").asText()).isEqualTo("Research the solar panel market");
        assertThat(data.path("intent").path("action").asText()).isEqualTo("research");
        assertThat(data.path("response").path("text").asText()).isEqualTo("Solar panels: here is what I found.");
        String sent = new String(stub.audioRequests().get(stub.audioRequests().size() - 1), StandardCharsets.ISO_8859_1);
        assertThat(sent).contains("name=\"model\"").contains("whisper-1").contains("name=\"language\"")
                .contains("SAID:Research");
        String commandId = data.path("command_id").asText();
        String stored = StandaloneService.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8') FROM "
                + "domain_event_entry WHERE payload_type LIKE '%VoiceCommandProcessed' AND convert_from(payload, "
                + "'UTF8') LIKE ?", String.class, "%" + commandId + "%");
        assertThat(stored).doesNotContain("fake-pcm").doesNotContain(audio.substring(0, 20));
        byte[] recording = java.util.Base64.getDecoder().decode(audio);
        assertThat(stored).contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(recording)));

        Api.Response spoken = api.post("/api/v1/voice/synthesize", Map.of("text", "Good morning", "voice", "nova"),
                auth);
        assertThat(spoken.status()).isEqualTo(200);
        assertThat(spoken.header("Content-Type").orElse("")).startsWith("audio/mpeg");
        assertThat(spoken.rawBody()).startsWith("ID3-stub-audio-for:").contains("\"input\":\"Good morning\"")
                .contains("\"voice\":\"nova\"").contains("tts-1");
        assertThat(api.get("/api/v1/voice/capabilities", auth).body().path("data").path("speech_to_text")
                .path("available").asBoolean()).isTrue();
    }

    @Test
    void aProviderThatStaysDownFailsTheRunWithAClearMessage() {
        JsonNode run = runWhen(startGoal("Research the scooter market"), "failed");

        assertThat(run.path("error_message").asText())
                .startsWith("intent_router failed: openai model gpt-4o-mini failed after 3 attempts")
                .contains("HTTP 503");
        assertThat(run.path("checkpoints").path("intent_router").path("status").asText()).isEqualTo("failed");
        String goalId = run.path("goal_id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "draft".equals(api.get("/api/v1/goals/" + goalId, auth).text("status")));
    }

    @Test
    void aRunUsesASecretByNameAndNothingButTheToolEverSeesTheValue() throws Exception {
        String value = "tok-" + UUID.randomUUID();
        String[] stepped = steppedUp();
        assertThat(api.post("/api/v1/secrets", Map.of("name", "HOOK_TOKEN", "value", value), stepped).status())
                .isEqualTo(201);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(authorization);
            byte[] echo = ("accepted " + authorization).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, echo.length);
            exchange.getResponseBody().write(echo);
            exchange.close();
        });
        hook.start();
        try {
            stub.then(content("{\"intent\": \"communication\", \"confidence\": 0.9}", 100, 10))
                    .then(toolCall("submit_plan", hookPlan(hook.getAddress().getPort(), "HOOK_TOKEN"), 100, 10))
                    .then(content("Called the hook.", 100, 10));

            JsonNode run = runWhen(startGoal("Tell the hook we are live"), "completed");

            assertThat(received).containsExactly("Bearer " + value);
            String step = run.path("checkpoints").path("executor").path("steps").get(0).toString();
            assertThat(step).contains("accepted Bearer {{secret:HOOK_TOKEN}}").doesNotContain(value);
        } finally {
            hook.stop(0);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode secret = secretNamed("HOOK_TOKEN");
            assertThat(secret.path("usage_count").asLong()).isEqualTo(1);
            assertThat(secret.path("last_used").isTextual()).isTrue();
        });
        assertThat(DatabaseScan.tablesContaining(StandaloneService.jdbc(), value)).isEmpty();
    }

    @Test
    void anExpiredSecretFailsTheRunWithAClearError() {
        String[] stepped = steppedUp();
        Instant expiry = Instant.now().plusSeconds(1);
        assertThat(api.post("/api/v1/secrets", Map.of("name", "OLD_TOKEN", "value", "old-" + UUID.randomUUID(),
                "expires_at", expiry.toString()), stepped).status()).isEqualTo(201);
        await().until(() -> Instant.now().isAfter(expiry));
        stub.then(content("{\"intent\": \"communication\", \"confidence\": 0.9}", 100, 10))
                .then(toolCall("submit_plan", hookPlan(9, "OLD_TOKEN"), 100, 10));

        JsonNode run = runWhen(startGoal("Tell the old hook we are live"), "failed");

        assertThat(run.path("error_message").asText()).isEqualTo("executor failed: Secret OLD_TOKEN expired at "
                + expiry);
    }

    /** The caller's headers after a step-up with the next of their backup codes. */
    private static synchronized String[] steppedUp() {
        if (backupCodes.isEmpty()) {
            api.post("/api/v1/credentials/backup", Map.of("password", "a long enough password"), auth).body().path("backup_codes")
                    .forEach(code -> backupCodes.add(code.asText()));
        }
        assertThat(api.post("/api/v1/auth/biometric/verify", Map.of("backup_code", backupCodes.remove()), auth)
                .status()).isEqualTo(200);
        return auth;
    }

    private static JsonNode secretNamed(String name) {
        for (JsonNode secret : api.get("/api/v1/secrets", auth).body().path("items")) {
            if (name.equals(secret.path("name").asText())) {
                return secret;
            }
        }
        throw new AssertionError("No secret " + name);
    }

    private static String hookPlan(int port, String secret) {
        return "{\"tasks\": [{\"title\": \"Call the hook\", \"tool\": \"http_request\", \"parameters\": {"
                + "\"url\": \"http://127.0.0.1:" + port + "/hook\", \"method\": \"POST\", \"body\": \"live\", "
                + "\"headers\": {\"Authorization\": \"Bearer {{secret:" + secret + "}}\"}}}]}";
    }

    @Test
    void theModelExtractsEpisodesAndEntitiesFromMemoryAndTheHeuristicsStandInWhenItFails() {
        stub.then(content("{\"episode\": {\"type\": \"call\", \"title\": \"Supplier call\", \"summary\": "
                + "\"Pricing agreed.\", \"participants\": [\"Dana Reyes\"]}, \"entities\": [{\"type\": "
                + "\"organization\", \"name\": \"Northwind\"}, {\"type\": \"planet\", \"name\": \"Mars\"}]}",
                300, 60));
        Api.Response stored = api.post("/api/v1/memory/upsert", Map.of("source_uri", "notes://supplier",
                "title", "Notes", "content", "Spoke with Dana from Northwind; pricing agreed."), auth);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        JsonNode episode = api.get("/api/v1/memory/episodes?type=call", auth).body().path("items").get(0);
        assertThat(episode.path("title").asText()).isEqualTo("Supplier call");
        assertThat(episode.path("participants").get(0).asText()).isEqualTo("Dana Reyes");
        assertThat(api.get("/api/v1/memory/entities?type=organization", auth).body().path("items").get(0)
                .path("name").asText()).isEqualTo("Northwind");
        assertThat(api.get("/api/v1/memory/entities", auth).body().toString()).doesNotContain("Mars");
        assertThat(api.get("/api/v1/memory/documents", auth).body().path("items").get(0).path("extractor").asText())
                .isEqualTo("openai:gpt-4o-mini");

        stub.then(ChatCompletionsStub.status(500));
        api.post("/api/v1/memory/upsert", Map.of("source_uri", "gmail://message/5", "app", "gmail",
                "content", "Invoice from billing@contoso.com"), auth);
        JsonNode documents = api.get("/api/v1/memory/documents?app=gmail", auth).body();
        assertThat(documents.path("items").get(0).path("extractor").asText()).isEqualTo("heuristic");
        assertThat(api.get("/api/v1/memory/episodes?type=email", auth).body().path("items").get(0)
                .path("participants").get(0).asText()).isEqualTo("billing@contoso.com");
    }
}
