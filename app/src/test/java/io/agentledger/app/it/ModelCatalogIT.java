package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogIT extends IntegrationTest {

    @Test
    void modelsAreListedAndFilteredByProvider() {
        User user = register();
        JsonNode all = api.get("/api/v1/models", user.auth()).body().path("models");
        assertThat(all.findValuesAsText("provider")).contains("offline", "openai", "anthropic", "ollama");
        JsonNode openai = api.get("/api/v1/models?provider=openai", user.auth()).body().path("models");
        assertThat(openai.findValuesAsText("provider")).containsOnly("openai");
        assertThat(openai.get(0).has("context_window")).isTrue();
        assertThat(openai.get(0).has("supports_function_calling")).isTrue();
        assertThat(api.get("/api/v1/models?provider=skynet", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/models").status()).isEqualTo(401);
    }

    @Test
    void providersSayWhichAreConfiguredAndTheDefaultModel() {
        User user = register();
        JsonNode body = api.get("/api/v1/providers", user.auth()).body();
        assertThat(body.path("active_provider").asText()).isEqualTo("offline");
        assertThat(body.path("default_model").asText()).isEqualTo("all-minilm-l6-v2+templates");
        assertThat(body.path("providers").findValuesAsText("id"))
                .containsExactly("offline", "openai", "azure", "anthropic", "ollama");
        assertThat(body.path("providers").get(0).path("configured").asBoolean()).isTrue();
    }
}
