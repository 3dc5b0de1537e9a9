package io.agentledger.app.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static io.agentledger.app.llm.ChatCompletionsStub.content;
import static io.agentledger.app.llm.ChatCompletionsStub.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A whole service configured for OpenAI, its LangChain4j client talking to a local stub. */
class ProviderRunIT {

    private static ChatCompletionsStub stub;
    private static ConfigurableApplicationContext service;
    private static Api api;
    private static String[] auth;

    @BeforeAll
    static void start() throws Exception {
        stub = new ChatCompletionsStub();
        service = StandaloneService.start(null,
                "--agentledger.llm.provider=openai",
                "--agentledger.llm.providers.openai.base-url=" + stub.baseUrl(),
                "--agentledger.llm.providers.openai.api-key=sk-test",
                "--agentledger.llm.providers.openai.model=gpt-4o-mini",
                "--agentledger.llm.backoff=PT0.01S",
                "--agentledger.llm.timeout=PT2S");
        api = StandaloneService.api(service);
        String name = "provider" + System.nanoTime();
        auth = new String[]{"Authorization", "Bearer " + api.post("/api/v1/auth/register", Map.of("email",
                name + "@example.com", "username", name, "password", "a long enough password", "full_name", "P"))
                .text("access_token")};
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
}
