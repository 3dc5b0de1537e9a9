package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's Socket.IO transport, followed and driven by the Socket.IO client library. */
class SocketIoIT extends IntegrationTest {

    @Autowired
    private SocketIoGateway gateway;

    private final List<SocketIoClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(SocketIoClient::close);
    }

    private SocketIoClient connect(Map<String, String> auth) {
        SocketIoClient client = new SocketIoClient(gateway.port(), auth);
        clients.add(client);
        return client;
    }

    private SocketIoClient authenticated(User user) {
        SocketIoClient client = connect(Map.of("token", user.accessToken()));
        eventually(() -> client.names().contains("authenticated"));
        return client;
    }

    @Test
    void aClientAuthenticatesFollowsItsAgentsAndRunsThemThroughItsAcknowledgements() throws Exception {
        User user = register();
        SocketIoClient client = authenticated(user);
        JsonNode me = client.named("authenticated").get(0);
        assertThat(me.path("id").asText()).isEqualTo(user.id());
        assertThat(me.path("tenant_id").asText()).isEqualTo(user.tenantId());
        SocketIoClient stranger = authenticated(register());

        String agentId = api.post("/api/v1/agents", Map.of("name", "socket agent"), user.auth()).text("id");
        JsonNode answer = client.request("agent:execute", Map.of("agent_id", agentId, "command",
                Map.of("action", "Analyze the sales numbers"), "wait_for_completion", true));
        assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
        String executionId = answer.path("data").path("execution_id").asText();
        eventually(() -> client.names().contains("agent:execution_completed"));
        assertThat(client.named("agent:execution_started").get(0).path("execution_id").asText()).isEqualTo(executionId);
        JsonNode completed = client.named("agent:execution_completed").get(0);
        assertThat(completed.path("agent_id").asText()).isEqualTo(agentId);
        assertThat(completed.path("position").asLong()).isPositive();

        JsonNode refused = client.request("agent:execute", Map.of("agent_id", "agent_nobody", "command",
                Map.of("action", "x")));
        assertThat(refused.path("success").asBoolean()).isFalse();
        assertThat(refused.path("error").path("code").asText()).isEqualTo("NOT_FOUND");

        String workflowId = api.post("/api/v1/workflows", Map.of("name", "socket flow", "nodes", List.of(Map.of("id",
                "sum", "type", "tool", "data", Map.of("tool", "calculator", "parameters", Map.of("numbers",
                        List.of(2, 2)))))), user.auth()).text("id");
        JsonNode started = client.request("workflow:execute", Map.of("workflow_id", workflowId, "data",
                Map.of("from", "socket")));
        assertThat(started.path("success").asBoolean()).as(started.toString()).isTrue();
        String workflowExecution = started.path("data").path("execution_id").asText();
        eventually(() -> client.named("workflow:completed").stream().anyMatch(e -> e.path("execution_id").asText()
                .equals(workflowExecution)));
        assertThat(client.named("workflow:triggered").get(0).path("workflow_id").asText()).isEqualTo(workflowId);

        client.emit("voice:command", Map.of("text_fallback", "Schedule a meeting with the design team", "language",
                "en"));
        eventually(() -> client.names().contains("voice:response_ready"));
        assertThat(client.names()).contains("voice:processing", "voice:command_received");
        assertThat(client.named("voice:command_received").get(0).path("text").asText())
                .isEqualTo("Schedule a meeting with the design team");

        assertThat(stranger.names()).containsExactly("authenticated");
        long after = completed.path("position").asLong();
        SocketIoClient resumed = connect(Map.of("token", user.accessToken(), "from_position", String.valueOf(after)));
        eventually(() -> resumed.names().contains("workflow:completed"));
        assertThat(resumed.named("agent:execution_completed")).allSatisfy(e ->
                assertThat(e.path("position").asLong()).isGreaterThan(after));
    }

    @Test
    void subscribingNarrowsAgentEventsToThoseAgents() throws Exception {
        User user = register();
        SocketIoClient client = authenticated(user);
        String watched = api.post("/api/v1/agents", Map.of("name", "watched"), user.auth()).text("id");
        String other = api.post("/api/v1/agents", Map.of("name", "other"), user.auth()).text("id");
        client.emit("agent:subscribe", watched);
        Thread.sleep(300);
        for (String agent : List.of(other, watched)) {
            api.post("/api/v1/agents/" + agent + "/execute", Map.of("command", Map.of("action", "Analyze the numbers"),
                    "wait_for_completion", true), user.auth());
        }
        eventually(() -> !client.named("agent:execution_completed").isEmpty());
        Thread.sleep(500);
        assertThat(client.named("agent:execution_completed")).extracting(e -> e.path("agent_id").asText())
                .containsOnly(watched);
    }

    @Test
    void aBadTokenIsAnsweredUnauthorizedAndDisconnectedAndARevokedOneIsDropped() throws Exception {
        SocketIoClient anonymous = connect(Map.of());
        SocketIoClient forged = connect(Map.of("token", "not-a-token"));
        for (SocketIoClient client : List.of(anonymous, forged)) {
            String reason = client.disconnected.get(15, TimeUnit.SECONDS);
            assertThat(client.names()).as("disconnected: " + reason).contains("unauthorized")
                    .doesNotContain("authenticated");
        }
        User user = register();
        SocketIoClient client = authenticated(user);
        assertThat(api.post("/api/v1/auth/logout", null, user.auth()).status()).isEqualTo(200);
        assertThat(client.disconnected.get(15, TimeUnit.SECONDS)).isNotNull();
        assertThat(client.named("unauthorized").get(0).asText()).contains("no longer valid");
    }

    @Test
    void nulCharactersWrongTypesAndOversizedMessagesAreRefusedWithoutHurtingOthers() throws Exception {
        User user = register();
        SocketIoClient client = authenticated(user);
        String agentId = api.post("/api/v1/agents", Map.of("name", "guarded"), user.auth()).text("id");
        JsonNode nul = client.request("agent:execute", Map.of("agent_id", agentId, "command",
                Map.of("action", "bad\u0000action")));
        assertThat(nul.path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(nul.path("error").path("error").asText()).contains("command.action").contains("NUL");
        JsonNode typed = client.request("voice:command", Map.of("audio_data", 42, "language", "en"));
        assertThat(typed.path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/v1/runtime/executions?agent_id=" + agentId, user.auth()).body().path("total")
                .asInt()).isZero();

        SocketIoClient bystander = authenticated(user);
        client.emit("agent:execute", Map.of("agent_id", agentId, "command", Map.of("action", "x".repeat(70_000))));
        assertThat(client.disconnected.get(15, TimeUnit.SECONDS)).as("a frame over 64 KiB ends the connection")
                .isNotNull();
        JsonNode answer = bystander.request("agent:execute", Map.of("agent_id", agentId, "command",
                Map.of("action", "Analyze the numbers"), "wait_for_completion", true));
        assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
    }

    @Test
    void configurationChangesOfTheTenantArriveAsArchitectureUpdates() {
        User admin = registerSteppedUp();
        SocketIoClient client = authenticated(admin);
        SocketIoClient stranger = authenticated(register());
        assertThat(api.put("/api/v1/system/config", Map.of("settings", Map.of("approvals.deadline_default", "PT2H")),
                admin.auth()).status()).isEqualTo(200);
        eventually(() -> client.named("system:architecture_updated").stream().anyMatch(e ->
                e.path("scope").asText().equals(admin.tenantId())));
        JsonNode update = client.named("system:architecture_updated").stream().filter(e ->
                e.path("scope").asText().equals(admin.tenantId())).findFirst().orElseThrow();
        assertThat(update.path("changes").get(0).path("modification_id").asText()).isNotBlank();
        assertThat(stranger.named("system:architecture_updated")).noneMatch(e ->
                e.path("scope").asText().equals(admin.tenantId()));
    }

    @Test
    void anAuditorMayFollowButNotExecute() throws Exception {
        User owner = register();
        User auditor = invite(owner, "auditor");
        SocketIoClient client = authenticated(auditor);
        String agentId = api.post("/api/v1/agents", Map.of("name", "guarded"), owner.auth()).text("id");
        JsonNode answer = client.request("agent:execute", Map.of("agent_id", agentId, "command", Map.of("action", "x")));
        assertThat(answer.path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/runtime/executions?agent_id=" + agentId, owner.auth()).body().path("total")
                .asInt()).isZero();
    }
}
