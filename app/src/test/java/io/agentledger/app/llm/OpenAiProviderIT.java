package io.agentledger.app.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.command.run.runtime.AgentRuntime.Outcome;
import io.agentledger.command.run.runtime.ChatModels;
import io.agentledger.command.run.runtime.FallbackAgentRuntime;
import io.agentledger.command.run.runtime.LlmAgentRuntime;
import io.agentledger.command.run.runtime.LlmProperties;
import io.agentledger.command.run.runtime.OfflineAgentRuntime;
import io.agentledger.command.run.runtime.ProviderFailure;
import io.agentledger.command.run.tool.BuiltInTools;
import io.agentledger.kernel.goal.PlannedTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.agentledger.app.llm.ChatCompletionsStub.content;
import static io.agentledger.app.llm.ChatCompletionsStub.garbage;
import static io.agentledger.app.llm.ChatCompletionsStub.slow;
import static io.agentledger.app.llm.ChatCompletionsStub.status;
import static io.agentledger.app.llm.ChatCompletionsStub.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real LangChain4j OpenAI client, driven by the runtime, against a local chat-completions stub. */
class OpenAiProviderIT {

    private static final LlmProperties.Model PRICE = new LlmProperties.Model("gpt-4o-mini", "GPT-4o mini", "openai",
            128000, true, true, new BigDecimal("0.15"), new BigDecimal("0.60"));

    private ChatCompletionsStub stub;
    private LlmAgentRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        stub = new ChatCompletionsStub();
        runtime = new LlmAgentRuntime("openai", "gpt-4o-mini", ChatModels.create("openai",
                new LlmProperties.Connection(stub.baseUrl(), "sk-test-key", "gpt-4o-mini", null, null),
                Duration.ofMillis(700)), 3, Duration.ofMillis(20), PRICE);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("the client sent no JSON: " + body, e);
        }
    }

    @Test
    void aPlainCompletionAnswersWithItsTokenUsageAndCost() {
        stub.then(content("Two tasks done: searched and wrote notes.", 1000, 200));

        Outcome<String> summary = runtime.summarize("Research scooters", List.of(Map.of("tool", "web_search")));

        assertThat(summary.value()).isEqualTo("Two tasks done: searched and wrote notes.");
        assertThat(summary.usage().inputTokens()).isEqualTo(1000);
        assertThat(summary.usage().outputTokens()).isEqualTo(200);
        assertThat(summary.usage().apiCalls()).isEqualTo(1);
        assertThat(summary.usage().cost()).isEqualByComparingTo("0.27");
        assertThat(summary.usage().provider()).isEqualTo("openai");
        JsonNode request = json(stub.requests().get(0));
        assertThat(request.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.path("messages").toString()).contains("Research scooters");
        assertThat(stub.authorizations().get(0)).isEqualTo("Bearer sk-test-key");
    }

    @Test
    void intentRoutingReadsTheJsonAnswer() {
        stub.then(content("{\"intent\": \"communication\", \"confidence\": 0.92}", 50, 10));
        Outcome<AgentRuntime.Intent> intent = runtime.routeIntent("Email the team");
        assertThat(intent.value()).isEqualTo(new AgentRuntime.Intent("communication", 0.92));
    }

    @Test
    void planningUsesToolCalling() {
        stub.then(toolCall("submit_plan", "{\"tasks\": [{\"title\": \"Search\", \"tool\": \"web_search\", "
                + "\"parameters\": {\"query\": \"scooters\"}, \"priority\": \"high\"}, {\"title\": \"Write\", "
                + "\"tool\": \"create_document\", \"parameters\": {\"title\": \"Notes\", \"content\": \"...\"}}]}",
                300, 80));

        Outcome<List<PlannedTask>> plan = runtime.plan("Research scooters", "research", new BuiltInTools().all());

        assertThat(plan.value()).extracting(PlannedTask::tool).containsExactly("web_search", "create_document");
        assertThat(plan.value().get(0).parameters()).containsEntry("query", "scooters");
        assertThat(plan.value().get(0).id()).isEqualTo("task-0");
        JsonNode request = json(stub.requests().get(0));
        assertThat(request.path("tools").findValuesAsText("name")).containsExactly("submit_plan");
        assertThat(request.path("tool_choice").asText()).isEqualTo("required");
        assertThat(request.path("tools").toString()).contains("send_email");
    }

    @Test
    void aServerErrorIsRetriedAndTheCallsAreCounted() {
        stub.then(status(500)).then(status(502)).then(content("Recovered.", 10, 5));

        Outcome<String> summary = runtime.summarize("Goal", List.of());

        assertThat(summary.value()).isEqualTo("Recovered.");
        assertThat(summary.usage().apiCalls()).isEqualTo(3);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void timeoutsExhaustTheRetriesAndSayWhatHappened() {
        stub.then(slow(1500)).then(slow(1500)).then(slow(1500));

        assertThatThrownBy(() -> runtime.summarize("Goal", List.of()))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("openai model gpt-4o-mini failed after 3 attempts")
                .hasMessageContaining("Timeout");
    }

    @Test
    void aMalformedReplyIsAskedAgain() {
        stub.then(garbage()).then(content("{\"intent\": \"dancing\"}", 5, 5))
                .then(content("{\"intent\": \"analysis\", \"confidence\": 0.7}", 5, 5));

        Outcome<AgentRuntime.Intent> intent = runtime.routeIntent("Compare vendor costs");

        assertThat(intent.value().name()).isEqualTo("analysis");
        assertThat(intent.usage().apiCalls()).isEqualTo(3);
    }

    @Test
    void malformedRepliesToTheEndFailClearly() {
        stub.then(content("no json here", 5, 5)).then(content("still none", 5, 5)).then(garbage());

        assertThatThrownBy(() -> runtime.routeIntent("Anything"))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("failed after 3 attempts");
    }

    @Test
    void aRefusalIsNotRetried() {
        stub.then(status(401)).then(content("unreachable", 1, 1));

        assertThatThrownBy(() -> runtime.summarize("Goal", List.of()))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("refused the request")
                .hasMessageContaining("401");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aFailingProviderFallsBackWhenConfiguredTo() {
        stub.then(status(500)).then(status(500)).then(status(500));
        AgentRuntime withFallback = new FallbackAgentRuntime(runtime, new OfflineAgentRuntime());

        Outcome<AgentRuntime.Intent> intent = withFallback.routeIntent("Schedule a meeting with the design team");

        assertThat(intent.value().name()).isEqualTo("scheduling");
        assertThat(intent.usage().provider()).isEqualTo("offline");
    }
}
