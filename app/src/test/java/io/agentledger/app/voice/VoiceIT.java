package io.agentledger.app.voice;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003's voice on the zero-setup service: offline synthesis, text commands, trained phrases, agents. */
class VoiceIT extends IntegrationTest {

    @Test
    void theCapabilitiesSayWhatThisDeploymentDoesAndSynthesisWorksOffline() {
        User user = register();
        JsonNode capabilities = api.get("/api/v1/voice/capabilities", user.auth()).body().path("data");
        assertThat(capabilities.path("speech_to_text").path("available").asBoolean()).isFalse();
        assertThat(capabilities.path("speech_to_text").path("configure").asText()).contains("LLM_PROVIDER=openai");
        assertThat(capabilities.path("text_to_speech").path("engine").asText()).isEqualTo("freetts");

        Api.Response spoken = api.post("/api/v1/voice/synthesize", Map.of("text", "Hello from the ledger"),
                user.auth());
        assertThat(spoken.status()).as(spoken.toString()).isEqualTo(200);
        assertThat(spoken.header("Content-Type").orElse("")).startsWith("audio/wav");
        byte[] wav = spoken.raw().body().getBytes(StandardCharsets.ISO_8859_1);
        assertThat(spoken.rawBody()).startsWith("RIFF").contains("WAVE");
        assertThat(wav.length).as("about a second of 16 kHz speech at least").isGreaterThan(16_000);
        assertThat(api.post("/api/v1/voice/synthesize", Map.of("text", ""), user.auth()).status()).isEqualTo(422);
    }

    @Test
    void aTextCommandIsUnderstoodAnsweredAndKeptInTheHistoryWithTrainedPhrasesFirst() {
        User user = register();
        Api.Response processed = api.post("/api/v1/voice/process", Map.of("text_fallback",
                "Analyze the sales numbers for March", "language", "en"), user.auth());
        assertThat(processed.status()).as(processed.toString()).isEqualTo(200);
        JsonNode data = processed.body().path("data");
        assertThat(data.path("transcribed_text").asText()).isEqualTo("Analyze the sales numbers for March");
        assertThat(data.path("intent").path("action").asText()).isEqualTo("analysis");
        assertThat(data.path("agent_routing").path("global_command").asBoolean()).isTrue();
        assertThat(data.path("response").path("text").asText()).contains("Offline runtime");

        assertThat(api.post("/api/v1/voice/train", Map.of("phrases", List.of(Map.of("phrase", "open my calendar",
                "action", "open_calendar", "entities", Map.of("view", "week")))), user.auth()).status()).isEqualTo(200);
        JsonNode custom = api.post("/api/v1/voice/process", Map.of("text_fallback", "Please, open my calendar now!",
                "language", "en"), user.auth()).body().path("data").path("intent");
        assertThat(custom.path("action").asText()).isEqualTo("open_calendar");
        assertThat(custom.path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(custom.path("entities").path("view").asText()).isEqualTo("week");

        JsonNode history = api.get("/api/v1/voice/commands", user.auth()).body().path("data");
        assertThat(history.path("total").asInt()).isEqualTo(2);
        assertThat(history.path("items").get(0).path("intent").path("action").asText()).isEqualTo("open_calendar");
        assertThat(api.get("/api/v1/voice/commands", register().auth()).body().path("data").path("total").asInt())
                .isZero();
    }

    @Test
    void audioWithoutATranscriberIsRefusedNamingTheSettingUnlessTextComesWithIt() {
        User user = register();
        String audio = Base64.getEncoder().encodeToString("RIFF-not-really-audio".getBytes(StandardCharsets.UTF_8));
        Api.Response refused = api.post("/api/v1/voice/process", Map.of("audio_data", audio, "language", "en"),
                user.auth());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text("detail")).contains("LLM_PROVIDER=openai").contains("text_fallback");
        assertThat(api.get("/api/v1/voice/commands", user.auth()).body().path("data").path("total").asInt()).isZero();

        JsonNode both = api.post("/api/v1/voice/process", Map.of("audio_data", audio, "text_fallback",
                "Schedule a meeting with the design team", "language", "en-GB"), user.auth()).body().path("data");
        assertThat(both.path("intent").path("action").asText()).isEqualTo("scheduling");
        JsonNode kept = api.get("/api/v1/voice/commands", user.auth()).body().path("data").path("items").get(0);
        assertThat(kept.path("source").asText()).isEqualTo("text");
        assertThat(kept.path("audio_sha256").asText()).hasSize(64);
    }

    @Test
    void aCommandGoesToTheActiveAgentOrTheOneNamedAndStaysInItsTenant() {
        User user = register();
        JsonNode agent = api.post("/api/v1/agents", Map.of("name", "analyst", "description", "Answers about numbers"),
                user.auth()).body();
        String agentId = agent.path("id").asText();
        long number = agent.path("agent_number").asLong();

        JsonNode routed = api.post("/api/v1/voice/process", Map.of("text_fallback", "Analyze the sales numbers",
                "language", "en", "context", Map.of("active_agent", number)), user.auth()).body().path("data");
        assertThat(routed.path("agent_routing").path("target_agent").asLong()).isEqualTo(number);
        assertThat(routed.path("execution_id").asText()).startsWith("exec_");
        assertThat(routed.path("response").path("agent_response").path("success").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/runtime/executions/" + routed.path("execution_id").asText(), user.auth())
                .text("status")).isEqualTo("completed");

        Api.Response direct = api.post("/api/v1/agents/" + agentId + "/voice", Map.of("text_input",
                "Compare the costs of three vendors"), user.auth());
        assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
        assertThat(direct.body().path("data").path("transcribed_text").asText())
                .isEqualTo("Compare the costs of three vendors");
        assertThat(direct.body().path("data").path("command_understood").asBoolean()).isTrue();
        assertThat(direct.body().path("data").path("agent_response").path("success").asBoolean()).isTrue();

        User stranger = register();
        assertThat(api.post("/api/v1/agents/" + agentId + "/voice", Map.of("text_input", "hi"), stranger.auth())
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/voice/process", Map.of("text_fallback", "hi", "language", "en", "context",
                Map.of("active_agent", number)), stranger.auth()).status()).as("numbers are per tenant").isEqualTo(404);
    }

    @Test
    void badVoiceRequestsAreRefusedAndChangeNothing() {
        User user = register();
        List<Map<String, Object>> bad = List.of(Map.of("text_fallback", "hi"),
                Map.of("language", "en"),
                Map.of("language", "english please", "text_fallback", "hi"),
                Map.of("language", "en", "audio_data", "%%% not base64"),
                Map.of("language", "en", "text_fallback", "x".repeat(2001)),
                Map.of("language", "en", "text_fallback", "hi", "context", Map.of("active_agent", "seven")));
        for (Map<String, Object> body : bad) {
            assertThat(api.post("/api/v1/voice/process", body, user.auth()).status()).as(body.toString())
                    .isEqualTo(422);
        }
        assertThat(api.post("/api/v1/voice/process", Map.of("language", "en", "text_fallback", "hi", "context",
                Map.of("active_agent", 987654)), user.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/voice/settings", Map.of("volume", 2), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/voice/settings", Map.of("colour", "red"), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/voice/train", Map.of("phrases", List.of(Map.of("phrase", "x", "action",
                "Not An Action"))), user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/voice/commands", user.auth()).body().path("data").path("total").asInt()).isZero();

        assertThat(api.post("/api/v1/voice/settings", Map.of("language", "en-US", "speech_rate", 1.25,
                "wake_words", List.of("hey ledger")), user.auth()).status()).isEqualTo(200);
        JsonNode settings = api.get("/api/v1/voice/settings", user.auth()).body().path("data");
        assertThat(settings.path("speech_rate").asDouble()).isEqualTo(1.25);
        assertThat(settings.path("wake_words").get(0).asText()).isEqualTo("hey ledger");
        assertThat(api.get("/api/v1/voice/settings", register().auth()).body().path("data").size()).isZero();
        assertThat(api.post("/api/v1/voice/process", Map.of("text_fallback", "hi", "language", "en")).status())
                .isEqualTo(401);
    }
}
