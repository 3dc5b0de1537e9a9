package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 000's WebSocket (`/ws?token=`) followed by the JDK's own WebSocket client. */
class MindMeshWebSocketIT extends IntegrationTest {

    private final List<JdkWebSocket> sockets = new ArrayList<>();
    private List<Integer> closes = List.of();

    @AfterEach
    void close() {
        sockets.forEach(JdkWebSocket::close);
    }

    private List<JsonNode> follow(String query) throws Exception {
        JdkWebSocket socket = JdkWebSocket.open(URI.create("ws://127.0.0.1:" + port() + "/ws?" + query));
        sockets.add(socket);
        closes = socket.closes;
        return socket.messages;
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("type").asText()).toList();
    }

    @Test
    void aClientFollowsItsRunsApprovalsAndCompletedGoalsAndResumesByPosition() throws Exception {
        User user = register();
        String stranger = register().accessToken();
        long head = sealedHead();
        List<JsonNode> messages = follow("token=" + user.accessToken() + "&from_position=" + head);
        List<JsonNode> strangers = follow("token=" + stranger + "&from_position=" + head);

        String goalId = api.post("/api/v1/goals", Map.of("text", "Research the market for electric scooters",
                "autonomy_level", "L3"), user.auth()).text("id");
        Api.Response started = api.post("/api/v1/goals/" + goalId + "/start", null, user.auth());
        String runId = started.text("run_id");
        eventually(() -> types(messages).contains("goal.completed"));
        assertThat(types(messages)).contains("run.update").endsWith("goal.completed");
        JsonNode update = messages.stream().filter(m -> m.path("type").asText().equals("run.update")).findFirst()
                .orElseThrow();
        assertThat(update.path("data").path("run_id").asText()).isEqualTo(runId);
        assertThat(update.path("data").has("status")).isTrue();
        assertThat(update.path("data").has("progress")).isTrue();
        JsonNode completed = messages.get(messages.size() - 1);
        assertThat(completed.path("data").path("goal_id").asText()).isEqualTo(goalId);
        assertThat(completed.path("data").path("summary").asText()).isNotBlank();
        assertThat(completed.path("data").path("artifacts").isArray()).isTrue();

        String gated = api.post("/api/v1/goals", Map.of("text", "Email the team about the launch", "autonomy_level",
                "L2"), user.auth()).text("id");
        api.post("/api/v1/goals/" + gated + "/start", null, user.auth());
        eventually(() -> types(messages).contains("approval.request"));
        JsonNode request = messages.stream().filter(m -> m.path("type").asText().equals("approval.request"))
                .findFirst().orElseThrow();
        assertThat(request.path("data").path("approval_id").asText()).startsWith("appr_");
        assertThat(request.path("data").path("payload").isObject()).isTrue();
        assertThat(request.path("data").path("deadline").asText()).isNotBlank();
        assertThat(strangers).isEmpty();

        long resumeAfter = messages.get(0).path("position").asLong();
        List<JsonNode> rest = follow("token=" + user.accessToken() + "&from_position=" + resumeAfter);
        eventually(() -> rest.size() >= messages.size() - 1);
        assertThat(rest.get(0).path("position").asLong()).isEqualTo(messages.get(1).path("position").asLong());
    }

    @Test
    void anOpenSocketIsClosedOnceItsSessionEnds() throws Exception {
        User user = register();
        follow("token=" + user.accessToken());
        assertThat(api.post("/api/v1/auth/logout", null, user.auth()).status()).isEqualTo(200);
        eventually(() -> closes.contains(4401));
    }

    @Test
    void aBadOrMissingTokenIsRefusedBeforeTheUpgrade() {
        for (String query : List.of("token=not-a-token", "", "token=alk_nope", "token=x&from_position=-3")) {
            assertThatThrownBy(() -> follow(query)).as(query).satisfies(failure -> {
                Throwable cause = failure instanceof CompletionException || failure.getCause() != null
                        ? failure.getCause() : failure;
                assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
                assertThat(((WebSocketHandshakeException) cause).getResponse().statusCode()).isIn(400, 401);
            });
        }
    }
}
