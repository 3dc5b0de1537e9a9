package io.agentledger.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.live.LiveFollowers;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketStrategies;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's agent messages for real agents, over a real RSocket client, resumable by position. */
class AgentLiveIT extends IntegrationTest {

    @Autowired
    private RSocketStrategies strategies;

    @Value("${local.rsocket.server.port}")
    private int tcpPort;

    private LiveFollowers live;

    @BeforeEach
    void connect() {
        live = new LiveFollowers(strategies, tcpPort);
    }

    @AfterEach
    void disconnect() {
        live.close();
    }

    private List<JsonNode> follow(User user, Map<String, Object> request) {
        return live.follow(user.accessToken(), "agents", request);
    }

    @Test
    void buildsAndExecutionsArriveAsAgentMessagesAndAResumedStreamGetsTheRestOnce() throws Exception {
        User user = register();
        User stranger = register();
        // from the head, not from whenever the subscription is in place: a loaded machine may take longer
        long head = sealedHead();
        List<JsonNode> messages = follow(user, Map.of("from_position", head));
        List<JsonNode> strangers = follow(stranger, Map.of("from_position", head));

        String agentId = api.post("/api/v1/agents", Map.of("name", "live"), user.auth()).text("id");
        String failing = """
                def handle(payload):
                    if payload.get("fail"):
                        raise ValueError("asked to fail")
                    return {"ok": 1}
                """;
        HttpResponse<String> uploaded = AgentPackages.upload("http://127.0.0.1:" + port() + "/api/v1/uploads/agent/"
                + agentId, "a.tar.gz", AgentPackages.of(AgentPackages.MANIFEST, failing).tarGz(), user.auth());
        assertThat(uploaded.statusCode()).isEqualTo(201);
        eventually(() -> "ready".equals(api.get("/api/v1/agents/" + agentId, user.auth()).text("status")));
        Api.Response ok = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload", Map.of()),
                user.auth());
        assertThat(ok.body().path("status").asText()).isEqualTo("completed");
        Api.Response failed = api.post("/api/v1/runtime/" + agentId + "/execute", Map.of("payload",
                Map.of("fail", true)), user.auth());
        assertThat(failed.body().path("status").asText()).isEqualTo("failed");
        assertThat(failed.body().path("error_message").asText()).contains("asked to fail");

        eventually(() -> LiveFollowers.types(messages).contains("agent:error"));
        assertThat(LiveFollowers.types(messages)).containsExactly("agent:status_changed", "agent:status_changed",
                "agent:execution_started", "agent:execution_completed", "agent:execution_started", "agent:error");
        assertThat(messages.get(0).path("data").path("new_status").asText()).isEqualTo("building");
        assertThat(messages.get(0).path("data").path("agent_number").asLong()).isEqualTo(1);
        assertThat(messages.get(1).path("data").path("old_status").asText()).isEqualTo("building");
        assertThat(messages.get(1).path("data").path("new_status").asText()).isEqualTo("ready");
        assertThat(messages.get(3).path("data").path("result").path("data").path("ok").asInt()).isEqualTo(1);
        assertThat(messages.get(5).path("data").path("error").asText()).contains("asked to fail");
        assertThat(messages.get(5).path("data").path("context").path("execution_id").asText())
                .isEqualTo(failed.text("id"));
        assertThat(strangers).isEmpty();

        long resumeAfter = messages.get(2).path("position").asLong();
        List<JsonNode> rest = follow(user, Map.of("from_position", resumeAfter));
        eventually(() -> rest.size() >= 3);
        Thread.sleep(300);
        assertThat(LiveFollowers.types(rest)).containsExactly("agent:execution_completed", "agent:execution_started",
                "agent:error");
        assertThat(rest.get(0).path("position").asLong()).isEqualTo(messages.get(3).path("position").asLong());
    }

}
