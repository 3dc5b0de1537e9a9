package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.Sealing;
import io.agentledger.app.support.StepUps;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs, goals, approvals and events followed live over RSocket by real clients, over TCP and WebSocket. */
class LiveUpdatesIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private RSocketStrategies strategies;

    @Autowired
    private WebSocketLiveServer webSocket;

    @Value("${local.rsocket.server.port}")
    private int tcpPort;

    private final List<RSocketRequester> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();
    private final List<Throwable> streamFailures = new CopyOnWriteArrayList<>();

    @AfterEach
    void disconnect() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(RSocketRequester::dispose);
        assertThat(streamFailures).as("streams collected by a test end without an error").isEmpty();
    }

    private RSocketRequester tcp(String token) {
        RSocketRequester client = LiveClients.tcp(strategies, tcpPort, token);
        clients.add(client);
        return client;
    }

    private RSocketRequester webSocket(String token) {
        RSocketRequester client = LiveClients.webSocket(strategies, webSocket.port(), token);
        clients.add(client);
        return client;
    }

    private record Started(String goalId, String runId) {
    }

    private Started start(User user, String text, String level) {
        String goalId = api.post("/api/v1/goals", Map.of("text", text, "autonomy_level", level), user.auth())
                .text("id");
        Api.Response started = api.post("/api/v1/goals/" + goalId + "/start", null, user.auth());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return new Started(goalId, started.text("run_id"));
    }

    private void runWhen(User user, String runId, String status) {
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/runs/" + runId, user.auth()).text("status"))
                .isEqualTo(status));
    }

    /** Messages as they arrive, collected in the background. */
    private List<JsonNode> collect(RSocketRequester client, String route, Object data) {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        RSocketRequester.RequestSpec request = client.route(route);
        subscriptions.add((data == null ? request : request.data(data)).retrieveFlux(JsonNode.class)
                .subscribe(messages::add, streamFailures::add));
        return messages;
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("type").asText()).toList();
    }

    private static List<Long> positions(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("position").asLong()).toList();
    }

    private static List<String> values(List<JsonNode> messages, String type, String field) {
        return messages.stream().filter(m -> type.equals(m.path("type").asText()))
                .map(m -> m.path("data").path(field).asText()).toList();
    }

    @Test
    void aRunIsFollowedFromCreationToCompletionInOrder() {
        User user = register();
        Started started = start(user, "Research the market for electric scooters", "L3");

        List<JsonNode> messages = tcp(user.accessToken()).route("runs." + started.runId())
                .retrieveFlux(JsonNode.class).collectList().block(WAIT);

        assertThat(messages).isNotEmpty();
        JsonNode first = messages.get(0);
        assertThat(first.path("type").asText()).isEqualTo("run.update");
        assertThat(first.path("data").path("status").asText()).isEqualTo("pending");
        assertThat(first.path("data").path("run_id").asText()).isEqualTo(started.runId());
        assertThat(first.path("timestamp").asText()).isNotBlank();
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("run.update");
        assertThat(last.path("data").path("status").asText()).isEqualTo("completed");
        assertThat(last.path("data").path("progress").asDouble()).isEqualTo(1.0);
        assertThat(last.path("data").path("message").asText()).contains("2 of 2 planned steps executed");

        assertThat(positions(messages)).isSorted().doesNotHaveDuplicates();
        List<Double> progress = messages.stream().filter(m -> m.path("type").asText().equals("run.update"))
                .map(m -> m.path("data").path("progress").asDouble()).toList();
        assertThat(progress).isSorted();
        assertThat(values(messages, "run.update", "current_node"))
                .containsSubsequence("intent_router", "planner", "executor", "summarizer");
        assertThat(types(messages)).containsSubsequence("run.update", "plan_update", "tool_call", "tool_result",
                "tool_call", "tool_result", "token", "run.update");
        assertThat(values(messages, "tool_call", "tool")).containsExactly("web_search", "create_document");
        assertThat(values(messages, "tool_result", "success")).containsExactly("true", "true");
        JsonNode plan = messages.stream().filter(m -> m.path("type").asText().equals("plan_update")).findFirst()
                .orElseThrow();
        assertThat(plan.path("data").path("plan").path("steps").findValuesAsText("tool"))
                .containsExactly("web_search", "create_document");
    }

    @Test
    void aGoalIsFollowedUntilGoalCompletedWithItsSummaryAndArtifacts() {
        User user = register();
        Started started = start(user, "Research the market for electric scooters", "L3");

        List<JsonNode> messages = tcp(user.accessToken()).route("goals." + started.goalId())
                .retrieveFlux(JsonNode.class).collectList().block(WAIT);

        assertThat(types(messages)).containsExactly("goal.created", "goal.started", "goal.planned",
                "goal.completed");
        JsonNode completed = messages.get(3).path("data");
        assertThat(completed.path("goal_id").asText()).isEqualTo(started.goalId());
        assertThat(completed.path("run_id").asText()).isEqualTo(started.runId());
        assertThat(completed.path("summary").asText()).contains("2 of 2 planned steps executed");
        assertThat(completed.path("artifacts")).hasSize(1);
        assertThat(completed.path("artifacts").get(0).asText()).startsWith("outbox://" + started.runId());
    }

    @Test
    void aClientThatReconnectsWithItsLastPositionGetsTheRestExactlyOnce() {
        User user = register();
        long before = sealedHead();
        Started started = start(user, "Research the market for electric scooters", "L3");
        runWhen(user, started.runId(), "completed");
        eventually(() -> "completed".equals(api.get("/api/v1/goals/" + started.goalId(), user.auth()).text("status")));
        Sealing.awaitSealed(jdbc);
        List<Long> expected = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "AND coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'tenant_id', "
                + "convert_from(payload, 'UTF8')::jsonb ->> 'tenant_id') = ? ORDER BY global_index", Long.class,
                before, user.tenantId());
        assertThat(expected).hasSizeGreaterThan(10);

        RSocketRequester firstConnection = tcp(user.accessToken());
        List<JsonNode> firstPart = firstConnection.route("events").data(Map.of("from_position", before))
                .retrieveFlux(JsonNode.class).take(7).collectList().block(WAIT);
        firstConnection.dispose();
        long lastSeen = firstPart.get(firstPart.size() - 1).path("position").asLong();

        List<JsonNode> rest = collect(tcp(user.accessToken()), "events", Map.of("from_position", lastSeen));
        eventually(() -> rest.size() >= expected.size() - firstPart.size());
        List<Long> received = new ArrayList<>(positions(firstPart));
        received.addAll(positions(rest));
        assertThat(received).containsExactlyElementsOf(expected);
        assertThat(types(firstPart)).startsWith("GoalCreated");
        assertThat(types(rest)).contains("RunCompleted", "GoalCompleted");
        assertThat(rest.get(0).path("data").path("payload").path("tenant_id").asText()).isEqualTo(user.tenantId());
    }

    @Test
    void anotherTenantsClientReceivesNothingOfIt() {
        User owner = register();
        User stranger = register();
        long from = sealedHead();
        RSocketRequester strangerClient = tcp(stranger.accessToken());
        List<List<JsonNode>> streams = List.of("runs", "approvals", "events", "audit", "workflows").stream()
                .map(route -> collect(strangerClient, route, Map.of("from_position", from))).toList();

        Started started = start(owner, "Email the team about the launch", "L2");
        runWhen(owner, started.runId(), "paused");
        String approvalId = api.get("/api/v1/approvals?state=pending&run_id=" + started.runId(), owner.auth()).body()
                .path("items").get(0).path("id").asText();
        api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "approve"), owner.auth());
        runWhen(owner, started.runId(), "completed");
        String strangersGoal = api.post("/api/v1/goals", Map.of("text", "Stranger's own goal"), stranger.auth())
                .text("id");

        List<JsonNode> events = streams.get(2);
        eventually(() -> events.stream().anyMatch(m -> strangersGoal.equals(m.path("data").path("resource_id")
                .asText())));
        streams.forEach(stream -> stream.forEach(message -> assertThat(message.toString())
                .doesNotContain(owner.tenantId()).doesNotContain(started.runId()).doesNotContain(started.goalId())));
        assertThatThrownBy(() -> strangerClient.route("runs." + started.runId()).retrieveFlux(JsonNode.class)
                .blockLast(WAIT)).isInstanceOf(ApplicationErrorException.class).hasMessageContaining("NOT_FOUND");
        assertThatThrownBy(() -> strangerClient.route("goals." + started.goalId()).retrieveFlux(JsonNode.class)
                .blockLast(WAIT)).isInstanceOf(ApplicationErrorException.class).hasMessageContaining("NOT_FOUND");
    }

    @Test
    void aConnectionWithoutAValidCredentialIsRefused() {
        assertThatThrownBy(() -> tcp("not-a-token").route("runs").retrieveFlux(JsonNode.class).blockFirst(WAIT))
                .isInstanceOf(RejectedSetupException.class).hasMessageContaining("UNAUTHORIZED")
                .hasMessageContaining("Invalid or expired access token");
        assertThatThrownBy(() -> tcp(null).route("runs").retrieveFlux(JsonNode.class).blockFirst(WAIT))
                .isInstanceOf(RejectedSetupException.class).hasMessageContaining("Authentication required");
        assertThatThrownBy(() -> webSocket("alk_unknown").route("runs").retrieveFlux(JsonNode.class).blockFirst(WAIT))
                .isInstanceOf(RejectedSetupException.class).hasMessageContaining("API key");
    }

    @Test
    void anApiKeyStreamsUntilItIsRevoked() {
        User user = registerSteppedUp();
        Api.Response key = api.post("/api/v1/api-keys", Map.of("name", "live"), user.auth());
        List<JsonNode> runs = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        subscriptions.add(tcp(key.text("key")).route("runs").data(Map.of("from_position", sealedHead()))
                .retrieveFlux(JsonNode.class).subscribe(runs::add, failures::add));

        Started started = start(user, "Research the market for electric scooters", "L3");
        eventually(() -> runs.stream().anyMatch(m -> started.runId().equals(m.path("data").path("run_id").asText())));
        assertThat(api.delete("/api/v1/api-keys/" + key.text("id"), user.auth()).status()).isEqualTo(204);

        eventually(() -> !failures.isEmpty());
        assertThat(failures.get(0)).isInstanceOf(ApplicationErrorException.class).hasMessageContaining("UNAUTHORIZED");
        assertThatThrownBy(() -> tcp(key.text("key")).route("runs").retrieveFlux(JsonNode.class).blockFirst(WAIT))
                .isInstanceOf(RejectedSetupException.class).hasMessageContaining("revoked");
    }

    @Test
    void aRunIsStoppedOverRSocketWithTheRestApisWalls() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        runWhen(user, started.runId(), "paused");
        RSocketRequester client = tcp(user.accessToken());
        List<JsonNode> followed = collect(client, "runs." + started.runId(), null);

        assertThatThrownBy(() -> tcp(register().accessToken()).route("runs." + started.runId() + ".stop")
                .retrieveMono(Void.class).block(WAIT)).hasMessageContaining("NOT_FOUND");
        User auditor = invite(user, "auditor");
        assertThatThrownBy(() -> tcp(auditor.accessToken()).route("runs." + started.runId() + ".stop")
                .retrieveMono(Void.class).block(WAIT)).hasMessageContaining("FORBIDDEN");
        runWhen(user, started.runId(), "paused");

        client.route("runs." + started.runId() + ".stop").retrieveMono(Void.class).block(WAIT);

        runWhen(user, started.runId(), "cancelled");
        eventually(() -> !followed.isEmpty() && "cancelled".equals(followed.get(followed.size() - 1).path("data")
                .path("status").asText()));
        assertThat(values(followed, "approval.request", "approval_id")).hasSize(1);
        assertThatThrownBy(() -> client.route("runs." + started.runId() + ".stop").retrieveMono(Void.class)
                .block(WAIT)).isInstanceOf(ApplicationErrorException.class).hasMessageContaining("CONFLICT");
    }

    @Test
    void anApprovalIsAnnouncedAndDecidedOverWebSocket() {
        User user = register();
        RSocketRequester client = webSocket(user.accessToken());
        List<JsonNode> approvals = collect(client, "approvals", Map.of("from_position", sealedHead()));

        Started started = start(user, "Email the team about the launch", "L2");
        eventually(() -> !approvals.isEmpty());
        JsonNode request = approvals.get(0);
        assertThat(request.path("type").asText()).isEqualTo("approval.request");
        assertThat(request.path("data").path("run_id").asText()).isEqualTo(started.runId());
        assertThat(request.path("data").path("payload").path("action").asText()).isEqualTo("send_email");
        assertThat(request.path("data").path("payload").path("to").asText()).isEqualTo("team@example.com");
        assertThat(request.path("data").path("deadline").asText()).isNotBlank();
        String decide = "approvals." + request.path("data").path("approval_id").asText() + ".decide";

        assertThatThrownBy(() -> client.route(decide).data(Map.of("comments", "no decision")).retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("VALIDATION_ERROR").hasMessageContaining("decision is required");
        assertThatThrownBy(() -> client.route(decide).data(Map.of("decision", "maybe")).retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("VALIDATION_ERROR");
        client.route(decide).data(Map.of("decision", "approve", "comments", "go")).retrieveMono(Void.class)
                .block(WAIT);

        eventually(() -> approvals.size() >= 2);
        assertThat(approvals.get(1).path("type").asText()).isEqualTo("approval.decided");
        assertThat(approvals.get(1).path("data").path("decision").asText()).isEqualTo("approve");
        assertThat(approvals.get(1).path("data").path("decided_by").asText()).isEqualTo(user.id());
        runWhen(user, started.runId(), "completed");
        assertThatThrownBy(() -> client.route(decide).data(Map.of("decision", "reject")).retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("CONFLICT");
    }

    /** A NUL once reached the audit log's jsonb over RSocket and stopped it for every tenant. */
    @Test
    void nulCharactersAndOverlongIdsAreRefusedAtTheRSocketEdgeAndTheRefusalsAudited() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        runWhen(user, started.runId(), "paused");
        RSocketRequester client = tcp(user.accessToken());

        assertThatThrownBy(() -> client.route("runs." + started.runId() + ".input")
                .data(Map.of("content", "stop\u0000now")).retrieveMono(Void.class).block(WAIT))
                .hasMessageContaining("VALIDATION_ERROR").hasMessageContaining("content");
        assertThatThrownBy(() -> client.route("approvals.appr_x.decide")
                .data(Map.of("decision", "approve", "payload", Map.of("k\u0000", "v"))).retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("VALIDATION_ERROR");
        // a route holds at most 255 bytes (RSocket's routing metadata): the id check bounds what fits below that
        assertThatThrownBy(() -> client.route("runs." + "r".repeat(200) + ".stop").retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("VALIDATION_ERROR");

        eventually(() -> api.get("/api/v1/audit/logs?action=request.reject", user.auth()).body().path("total")
                .asInt() == 3);
        JsonNode refusals = api.get("/api/v1/audit/logs?action=request.reject", user.auth()).body().path("items");
        assertThat(refusals.findValuesAsText("user_agent")).containsOnly("rsocket");
        assertThat(refusals.toString()).contains("RSOCKET").doesNotContain("\\u0000");
        assertThat(api.get("/api/v1/runs/" + started.runId(), user.auth()).body().path("status").asText())
                .isEqualTo("paused");
    }

    @Test
    void aConnectionIsBoundedInPayloadAndOpenStreams() {
        User user = register();
        RSocketRequester client = tcp(user.accessToken());
        assertThatThrownBy(() -> client.route("runs.run_x.input").data(Map.of("content", "x".repeat(70_000)))
                .retrieveMono(Void.class).block(WAIT)).hasMessageContaining("PAYLOAD_TOO_LARGE");

        List<Throwable> refusals = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 33; i++) {
            subscriptions.add(client.route("events").retrieveFlux(JsonNode.class).subscribe(m -> { },
                    refusals::add));
        }
        eventually(() -> refusals.size() == 1);
        assertThat(refusals.get(0)).hasMessageContaining("RATE_LIMITED").hasMessageContaining("32 streams");
        RSocketRequester another = tcp(user.accessToken());
        assertThatCode(() -> another.route("events").retrieveFlux(JsonNode.class).take(Duration.ofMillis(300))
                .blockLast(WAIT)).as("another connection has streams of its own").doesNotThrowAnyException();
        assertThat(refusals).hasSize(1);
    }

    @Test
    void anOpenStreamEndsWhenItsSessionLogsOut() {
        User user = register();
        List<Throwable> ended = new CopyOnWriteArrayList<>();
        List<JsonNode> caughtUp = new CopyOnWriteArrayList<>();
        subscriptions.add(tcp(user.accessToken()).route("events").data(Map.of("from_position", 0))
                .retrieveFlux(JsonNode.class).subscribe(caughtUp::add, ended::add));
        eventually(() -> !caughtUp.isEmpty());

        assertThat(api.post("/api/v1/auth/logout", null, user.auth()).status()).isEqualTo(200);

        eventually(() -> !ended.isEmpty());
        assertThat(ended.get(0)).hasMessageContaining("UNAUTHORIZED");
    }

    @Test
    void anOpenStreamEndsWhenTheCallersRoleChanges() {
        User admin = register();
        User member = invite(admin, "user");
        api.post("/api/v1/goals", Map.of("text", "visible to its member"), member.auth());
        List<Throwable> ended = new CopyOnWriteArrayList<>();
        List<JsonNode> caughtUp = new CopyOnWriteArrayList<>();
        subscriptions.add(tcp(member.accessToken()).route("events").data(Map.of("from_position", 0))
                .retrieveFlux(JsonNode.class).subscribe(caughtUp::add, ended::add));
        eventually(() -> !caughtUp.isEmpty());

        assertThat(api.put("/api/v1/users/" + member.id() + "/role", Map.of("role", "auditor"), admin.auth())
                .status()).isEqualTo(200);

        eventually(() -> !ended.isEmpty());
        assertThat(ended.get(0)).hasMessageContaining("UNAUTHORIZED").hasMessageContaining("role");
    }

    @Test
    void aWaitingRunTakesInputAndItsSummaryReadsIt() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        runWhen(user, started.runId(), "paused");
        RSocketRequester client = tcp(user.accessToken());
        String input = "runs." + started.runId() + ".input";

        assertThatThrownBy(() -> client.route(input).data(Map.of("content", " ")).retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("VALIDATION_ERROR");
        assertThatThrownBy(() -> client.route(input).data(Map.of("content", "x".repeat(4001)))
                .retrieveMono(Void.class).block(WAIT)).hasMessageContaining("at most 4000");
        client.route(input).data(Map.of("content", "Keep it short")).send().block(WAIT);

        List<JsonNode> followed = collect(client, "runs." + started.runId(), null);
        eventually(() -> followed.stream().anyMatch(m -> m.path("type").asText().equals("input")));
        JsonNode given = followed.stream().filter(m -> m.path("type").asText().equals("input")).findFirst()
                .orElseThrow();
        assertThat(given.path("data").path("content").asText()).isEqualTo("Keep it short");
        assertThat(given.path("data").path("provided_by").asText()).isEqualTo(user.id());

        String approvalId = api.get("/api/v1/approvals?state=pending&run_id=" + started.runId(), user.auth()).body()
                .path("items").get(0).path("id").asText();
        api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "approve"), user.auth());
        runWhen(user, started.runId(), "completed");
        assertThat(api.get("/api/v1/runs/" + started.runId(), user.auth()).body().path("checkpoints")
                .path("summarizer").path("result").path("summary").asText()).contains("Keep it short");
        assertThatThrownBy(() -> client.route(input).data(Map.of("content", "too late")).retrieveMono(Void.class)
                .block(WAIT)).hasMessageContaining("CONFLICT").hasMessageContaining("not waiting for input");
    }

    @Test
    void auditorsAndAdminsFollowAuditEntriesWorkflowsAndConfigurationChanges() {
        User admin = register();
        User auditor = invite(admin, "auditor");
        long from = sealedHead();
        List<JsonNode> audit = collect(tcp(auditor.accessToken()), "audit", Map.of("from_position", from));
        RSocketRequester adminClient = tcp(admin.accessToken());
        List<JsonNode> workflows = collect(adminClient, "workflows", Map.of("from_position", from));
        List<JsonNode> system = collect(adminClient, "system", Map.of("from_position", from));

        Started started = start(admin, "Research the market for electric scooters", "L3");
        runWhen(admin, started.runId(), "completed");
        StepUps.withFirstBackupCode(api, admin.auth());
        assertThat(api.put("/api/v1/system/config", Map.of("settings", Map.of("agents.max_steps", 7)),
                admin.auth()).status()).isEqualTo(200);

        eventually(() -> types(workflows).contains("workflow:completed") && !system.isEmpty()
                && audit.stream().anyMatch(m -> "goal.create".equals(m.path("data").path("action").asText())));
        JsonNode created = audit.stream().filter(m -> "goal.create".equals(m.path("data").path("action").asText()))
                .findFirst().orElseThrow();
        assertThat(created.path("type").asText()).isEqualTo("audit.entry");
        assertThat(created.path("data").path("resource_id").asText()).isEqualTo(started.goalId());
        assertThat(created.path("data").path("user_id").asText()).isEqualTo(admin.id());
        assertThat(types(workflows)).containsSubsequence("workflow:triggered", "agent:execution_started",
                "agent:execution_completed", "workflow:step_completed", "workflow:completed");
        JsonNode done = workflows.stream().filter(m -> m.path("type").asText().equals("workflow:completed"))
                .findFirst().orElseThrow();
        assertThat(done.path("data").path("execution_id").asText()).isEqualTo(started.runId());
        assertThat(done.path("data").path("workflow_id").asText()).isEqualTo(started.goalId());
        assertThat(done.path("data").path("success").asBoolean()).isTrue();
        JsonNode change = system.get(0);
        assertThat(change.path("type").asText()).isEqualTo("system:architecture_updated");
        assertThat(change.path("data").path("changes").get(0).path("changes").path("agents.max_steps")
                .path("after").asInt()).isEqualTo(7);
    }

    @Test
    void badStreamRequestsAreRefusedClearly() {
        User user = register();
        RSocketRequester client = tcp(user.accessToken());
        assertThatThrownBy(() -> client.route("events").data(Map.of("from_position", -1)).retrieveFlux(JsonNode.class)
                .blockFirst(WAIT)).hasMessageContaining("VALIDATION_ERROR").hasMessageContaining("from_position");
        assertThatThrownBy(() -> client.route("events").data(Map.of("from_position", "soon"))
                .retrieveFlux(JsonNode.class).blockFirst(WAIT)).hasMessageContaining("VALIDATION_ERROR");
        assertThatThrownBy(() -> client.route("nowhere").retrieveFlux(JsonNode.class).blockFirst(WAIT))
                .hasMessageContaining("nowhere");
        User member = invite(user, "user");
        assertThatThrownBy(() -> tcp(member.accessToken()).route("audit").retrieveFlux(JsonNode.class)
                .blockFirst(WAIT)).hasMessageContaining("FORBIDDEN");
    }
}
