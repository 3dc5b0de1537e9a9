package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection that fails keeps retrying the same event: it is never skipped. */
class ProjectionRetryIT extends IntegrationTest {

    @Test
    void aFailingProjectionRetriesTheEventUntilItSucceeds() {
        User user = registerSteppedUp();
        jdbc.execute("ALTER TABLE api_key_view RENAME TO api_key_view_unavailable");
        String keyId;
        try {
            Api.Response created = api.post("/api/v1/api-keys", Map.of("name", "written while broken"), user.auth());
            assertThat(created.status()).isEqualTo(201);
            keyId = created.text("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> processorInError("api-key-directory"));
            assertThat(api.get("/health").text("status")).isEqualTo("degraded");
        } finally {
            jdbc.execute("ALTER TABLE api_key_view_unavailable RENAME TO api_key_view");
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids(api.get("/api/v1/api-keys", user.auth()).body()).contains(keyId));
        await().atMost(Duration.ofSeconds(30)).until(() -> !processorInError("api-key-directory"));
    }

    private boolean processorInError(String name) {
        return api.get("/health").body().path("components").path("processors").path("items").findParents("name")
                .stream().filter(item -> item.path("name").asText().equals(name))
                .anyMatch(item -> item.path("error").asBoolean());
    }
}
