package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyApiIT extends IntegrationTest {

    @Test
    void aKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        User user = registerSteppedUp();
        Api.Response created = api.post("/api/v1/api-keys", Map.of("name", "My CLI Key"), user.auth());
        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        String id = created.text("id");
        assertThat(key).startsWith("alk_").hasSize(44);
        assertThat(created.text("key_prefix")).isEqualTo(key.substring(0, 12));
        assertThat(created.text("name")).isEqualTo("My CLI Key");

        Api.Response me = api.get("/api/v1/auth/me", "X-API-Key", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(user.id());
        assertThat(api.post("/api/v1/goals", Map.of("text", "From the CLI"), "X-API-Key", key).status())
                .isEqualTo(201);

        eventually(() -> !api.get("/api/v1/api-keys", user.auth()).body().path("items").isEmpty()
                && !api.get("/api/v1/api-keys", user.auth()).body().path("items").get(0).path("last_used_at").isNull());
        JsonNode listed = api.get("/api/v1/api-keys", user.auth()).body();
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        JsonNode item = listed.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(id);
        assertThat(item.path("key_prefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(item.path("is_active").asBoolean()).isTrue();
        assertThat(item.has("key")).isFalse();
        assertThat(listed.toString()).doesNotContain(key);

        assertThat(api.delete("/api/v1/api-keys/" + id, user.auth()).status()).isEqualTo(204);
        Api.Response refused = api.get("/api/v1/auth/me", "X-API-Key", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("detail")).contains("API key");
        eventually(() -> !api.get("/api/v1/api-keys", user.auth()).body().path("items").get(0)
                .path("is_active").asBoolean());
    }

    @Test
    void theApiKeyHeaderIsCheckedBeforeTheBearerToken() {
        User user = register();
        Api.Response response = api.get("/api/v1/auth/me", "X-API-Key", "alk_unknown", "Authorization",
                "Bearer " + user.accessToken());
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void unknownAndExpiredKeysAreRefused() {
        User user = registerSteppedUp();
        assertThat(api.get("/api/v1/auth/me", "X-API-Key", "alk_0000000000000000000000000000000000000000").status())
                .isEqualTo(401);
        String key = api.post("/api/v1/api-keys", Map.of("name", "Short lived", "expires_at",
                java.time.Instant.now().plusSeconds(2).toString()), user.auth()).text("key");
        assertThat(api.get("/api/v1/auth/me", "X-API-Key", key).status()).isEqualTo(200);
        eventually(() -> api.get("/api/v1/auth/me", "X-API-Key", key).status() == 401);
    }

    @Test
    void invalidRequestsAndOtherPeoplesKeysAreRefused() {
        User owner = registerSteppedUp();
        User stranger = register();
        assertThat(api.post("/api/v1/api-keys", Map.of("name", ""), owner.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/api-keys", Map.of("name", "past", "expires_at", "2001-01-01T00:00:00Z"),
                owner.auth()).status()).isEqualTo(422);
        String id = api.post("/api/v1/api-keys", Map.of("name", "mine"), owner.auth()).text("id");
        assertThat(api.delete("/api/v1/api-keys/" + id, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/api-keys/" + id, owner.auth()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/api-keys/" + id, owner.auth()).status()).isEqualTo(409);
    }
}
