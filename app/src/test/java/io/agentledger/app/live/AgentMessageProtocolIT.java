package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's agent message protocol over Socket.IO ({@code mcp:message}) and RSocket ({@code agents.message}). */
class AgentMessageProtocolIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private SocketIoGateway gateway;

    @Autowired
    private RSocketStrategies strategies;

    @Value("${local.rsocket.server.port}")
    private int tcpPort;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private SocketIoClient socket(User user) {
        SocketIoClient client = new SocketIoClient(gateway.port(), Map.of("token", user.accessToken()));
        open.add(client);
        eventually(() -> client.names().contains("authenticated"));
        return client;
    }

    private static Map<String, Object> envelope(String id, String method, Map<String, Object> params, long from,
                                                Map<String, Object> target) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("version", "1.0");
        envelope.put("type", "request");
        envelope.put("method", method);
        envelope.put("params", params);
        envelope.put("timestamp", "2026-12-03T00:00:00Z");
        envelope.put("source", Map.of("agent_number", from));
        if (target != null) {
            envelope.put("target", target);
        }
        return envelope;
    }

    @Test
    void agentsTalkThroughTheProtocolAndEveryMessageIsAnEvent() throws Exception {
        User user = register();
        long first = api.post("/api/v1/agents", Map.of("name", "sender"), user.auth()).body().path("agent_number")
                .asLong();
        JsonNode receiver = api.post("/api/v1/agents", Map.of("name", "receiver"), user.auth()).body();
        long second = receiver.path("agent_number").asLong();
        SocketIoClient client = socket(user);
        SocketIoClient stranger = socket(register());

        JsonNode sent = client.request("mcp:message", envelope("m-1", "agent.send_message", Map.of("message_type",
                "greeting", "data", Map.of("text", "hello")), first, Map.of("agent_number", second)));
        assertThat(sent.path("id").asText()).isEqualTo("m-1");
        assertThat(sent.path("type").asText()).as(sent.toString()).isEqualTo("response");
        assertThat(sent.path("result").path("delivered").asBoolean()).isTrue();
        eventually(() -> !client.named("agent:message").isEmpty());
        JsonNode delivered = client.named("agent:message").get(0);
        assertThat(delivered.path("from_agent").asLong()).isEqualTo(first);
        assertThat(delivered.path("to_agent").asLong()).isEqualTo(second);
        assertThat(delivered.path("message_type").asText()).isEqualTo("greeting");
        assertThat(delivered.path("data").path("text").asText()).isEqualTo("hello");

        client.request("mcp:message", envelope("m-2", "agent.send_message", Map.of("message_type", "news", "data",
                "all hands"), second, Map.of("broadcast", true)));
        eventually(() -> !client.named("agent:broadcast").isEmpty());
        assertThat(client.named("agent:broadcast").get(0).path("from_agent").asLong()).isEqualTo(second);

        JsonNode again = client.request("mcp:message", envelope("m-1", "agent.send_message", Map.of("data", "x"),
                first, Map.of("agent_number", second)));
        assertThat(again.path("type").asText()).isEqualTo("error");
        assertThat(again.path("error").path("code").asText()).isEqualTo("CONFLICT");

        JsonNode state = client.request("mcp:message", envelope("m-3", "system.get_state", Map.of(), first, null));
        assertThat(state.path("result").path("agent").path("agent_number").asLong()).isEqualTo(first);
        JsonNode stored = client.request("mcp:message", envelope("m-4", "memory.store", Map.of("memory_type", "fact",
                "content", Map.of("k", "remembered")), first, null));
        assertThat(stored.path("type").asText()).as(stored.toString()).isEqualTo("response");
        JsonNode recalled = client.request("mcp:message", envelope("m-5", "memory.query", Map.of("memory_type",
                "fact"), first, null));
        assertThat(recalled.path("result").toString()).contains("remembered");
        JsonNode registered = client.request("mcp:message", envelope("m-6", "agent.register", Map.of("name",
                "newcomer", "description", "joined by message"), first, null));
        assertThat(registered.path("result").path("agent_number").asLong()).isEqualTo(second + 1);

        RSocketRequester rsocket = LiveClients.tcp(strategies, tcpPort, user.accessToken());
        open.add(rsocket::dispose);
        List<JsonNode> streamed = new CopyOnWriteArrayList<>();
        open.add(rsocket.route("agents").data(Map.of("from_position", sealedHead())).retrieveFlux(JsonNode.class)
                .subscribe(streamed::add)::dispose);
        Map<?, ?> overRsocket = rsocket.route("agents.message").data(envelope("m-7", "agent.send_message",
                Map.of("message_type", "ping", "data", 1), second, Map.of("agent_number", first)))
                .retrieveMono(Map.class).block(Duration.ofSeconds(15));
        assertThat(overRsocket.get("type")).isEqualTo("response");
        eventually(() -> streamed.stream().anyMatch(m -> m.path("type").asText().equals("agent:message")
                && m.path("data").path("message_type").asText().equals("ping")));

        assertThat(stranger.names()).containsExactly("authenticated");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ? AND payload_type "
                + "LIKE '%AgentMessageRecorded'", Long.class, user.tenantId())).isEqualTo(7);
        assertThat(api.get("/api/v1/audit/logs?resource_type=agent_message", user.auth()).body().path("total")
                .asInt()).isEqualTo(7);
    }

    @Test
    void badEnvelopesAreAnsweredWithErrorEnvelopesAndRecordNothing() throws Exception {
        User user = register();
        long mine = api.post("/api/v1/agents", Map.of("name", "mine"), user.auth()).body().path("agent_number")
                .asLong();
        User other = register();
        String theirs = api.post("/api/v1/agents", Map.of("name", "theirs"), other.auth()).text("id");
        SocketIoClient client = socket(user);
        List<Map<String, Object>> bad = new ArrayList<>();
        Map<String, Object> version = envelope("b-1", "system.get_state", Map.of(), mine, null);
        version.put("version", "2.0");
        bad.add(version);
        bad.add(envelope("b-2", "agent.teleport", Map.of(), mine, null));
        bad.add(envelope("b-3", "agent.send_message", Map.of("data", "x"), mine, null));
        Map<String, Object> foreign = envelope("b-4", "system.get_state", Map.of(), mine, null);
        foreign.put("source", Map.of("agent_id", theirs));
        bad.add(foreign);
        bad.add(envelope("b-5", "agent.send_message", Map.of("data", "x"), mine, Map.of("agent_id", theirs)));
        bad.add(envelope("b-6", "memory.store", Map.of("memory_type", "Not Valid", "content", "x"), mine, null));
        bad.add(envelope("b-7", "agent.send_message", Map.of("data", "nul\u0000inside"), mine,
                Map.of("broadcast", true)));
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> envelope : bad) {
            JsonNode answer = client.request("mcp:message", envelope);
            assertThat(answer.path("type").asText()).as(envelope + " → " + answer).isEqualTo("error");
            codes.add(answer.path("error").path("code").asText());
        }
        assertThat(codes).containsExactly("VALIDATION_ERROR", "VALIDATION_ERROR", "VALIDATION_ERROR", "NOT_FOUND",
                "NOT_FOUND", "VALIDATION_ERROR", "VALIDATION_ERROR");
        RSocketRequester rsocket = LiveClients.tcp(strategies, tcpPort, user.accessToken());
        open.add(rsocket::dispose);
        Map<?, ?> overRsocket = rsocket.route("agents.message").data(envelope("b-8", "system.get_state",
                Map.of("note", "a\u0000b"), mine, null)).retrieveMono(Map.class).block(Duration.ofSeconds(15));
        assertThat(overRsocket.get("type")).isEqualTo("error");
        assertThat(String.valueOf(overRsocket.get("error"))).contains("VALIDATION_ERROR");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ? AND payload_type "
                + "LIKE '%AgentMessageRecorded'", Long.class, user.tenantId())).isZero();
        assertThat(JSON.writeValueAsString(codes)).doesNotContain("INTERNAL");
    }
}
