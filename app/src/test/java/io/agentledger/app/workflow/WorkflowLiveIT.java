package io.agentledger.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.live.LiveFollowers;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketStrategies;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's workflow messages for real workflow executions on the RSocket 'workflows' route. */
class WorkflowLiveIT extends IntegrationTest {

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
        return live.follow(user.accessToken(), "workflows", request);
    }

    @Test
    void anExecutionIsTriggeredCompletesItsStepsAndEndsAndAResumedStreamGetsTheRest() throws Exception {
        User user = register();
        User stranger = register();
        // from the head, not from whenever the subscription is in place: a loaded machine may take longer
        long head = sealedHead();
        List<JsonNode> messages = follow(user, Map.of("from_position", head));
        List<JsonNode> strangers = follow(stranger, Map.of("from_position", head));
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "live", "nodes", List.of(
                WorkflowIT.node("one", "tool", Map.of("tool", "calculator", "parameters", Map.of("numbers",
                        List.of(4, 5)))),
                WorkflowIT.node("two", "condition", Map.of("expression", "nodes.one.output.sum == 9"))),
                "edges", List.of(WorkflowIT.edge("one", "two"))), user.auth()).text("id");
        String executionId = api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "x"), user.auth())
                .text("execution_id");

        eventually(() -> LiveFollowers.types(messages).contains("workflow:completed"));
        assertThat(LiveFollowers.types(messages)).containsExactly("workflow:triggered", "workflow:step_completed",
                "workflow:step_completed", "workflow:completed");
        assertThat(messages.get(0).path("data").path("execution_id").asText()).isEqualTo(executionId);
        assertThat(messages.get(0).path("data").path("trigger_source").asText()).isEqualTo("manual");
        assertThat(messages.get(1).path("data").path("step_id").asText()).isEqualTo("one");
        assertThat(messages.get(1).path("data").path("result").path("sum").asDouble()).isEqualTo(9.0);
        assertThat(messages.get(3).path("data").path("success").asBoolean()).isTrue();
        assertThat(messages.get(3).path("data").path("workflow_id").asText()).isEqualTo(workflowId);
        assertThat(strangers).isEmpty();

        List<JsonNode> rest = follow(user, Map.of("from_position", messages.get(1).path("position").asLong()));
        eventually(() -> rest.size() >= 2);
        Thread.sleep(300);
        assertThat(LiveFollowers.types(rest)).containsExactly("workflow:step_completed", "workflow:completed");
    }

}
