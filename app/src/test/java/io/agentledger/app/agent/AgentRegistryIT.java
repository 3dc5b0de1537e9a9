package io.agentledger.app.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRegistryIT extends IntegrationTest {

    private JsonNode create(User user, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/agents", body, user.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    @Test
    void anAgentCarriesTheFieldsOfBothSeedsAndIsNumberedWithinItsTenant() {
        User user = register();
        Api.Response created = api.post("/api/v1/agents", Map.of("name", "my-agent", "description", "My AI agent"),
                user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode first = created.body();
        assertThat(first.path("id").asText()).startsWith("agent_");
        assertThat(created.header("Location")).contains("/api/v1/agents/" + first.path("id").asText());
        assertThat(first.path("user_id").asText()).isEqualTo(user.id());
        assertThat(first.path("status").asText()).isEqualTo("draft");
        assertThat(first.path("current_version_id").isNull()).isTrue();
        assertThat(first.path("agent_number").asLong()).isEqualTo(1);
        assertThat(first.path("is_active").asBoolean()).isTrue();
        assertThat(first.path("voice_enabled").asBoolean()).isFalse();
        assertThat(first.path("execution_count").asLong()).isZero();
        assertThat(first.path("created_at").asText()).isNotBlank();

        Map<String, Object> paios = new HashMap<>();
        paios.put("name", "Inbox assistant");
        paios.put("description", "Sorts mail");
        paios.put("voice_enabled", true);
        paios.put("config", Map.of("preferences", Map.of("tone", "brief"), "voice_commands",
                List.of(Map.of("phrase", "check mail")), "workflow_triggers", List.of(), "external_integrations",
                List.of()));
        JsonNode second = create(user, paios);
        assertThat(second.path("agent_number").asLong()).isEqualTo(2);
        assertThat(second.path("voice_enabled").asBoolean()).isTrue();
        assertThat(second.path("config").path("preferences").path("tone").asText()).isEqualTo("brief");

        JsonNode fetched = api.get("/api/v1/agents/" + second.path("id").asText(), user.auth()).body();
        assertThat(fetched.path("name").asText()).isEqualTo("Inbox assistant");
        assertThat(create(register(), Map.of("name", "elsewhere")).path("agent_number").asLong()).isEqualTo(1);
    }

    @Test
    void seed001ClientsUseAnApiKey() {
        User user = registerSteppedUp();
        String key = api.post("/api/v1/api-keys", Map.of("name", "My CLI Key"), user.auth()).text("key");
        Api.Response created = api.post("/api/v1/agents", Map.of("name", "cli-agent"), "X-API-Key", key);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode listed = api.get("/api/v1/agents?skip=0&limit=100", "X-API-Key", key).body();
        assertThat(listed.findValuesAsText("name")).containsExactly("cli-agent");
        assertThat(api.delete("/api/v1/agents/" + created.text("id"), "X-API-Key", key).status()).isEqualTo(204);
    }

    @Test
    void listsPageByPageOrBySkipAndLimitAndLeaveArchivedAgentsOut() {
        User user = register();
        for (int i = 0; i < 5; i++) {
            create(user, Map.of("name", "agent-" + i, "is_active", i % 2 == 0));
        }
        String archived = create(user, Map.of("name", "old one")).path("id").asText();
        assertThat(api.delete("/api/v1/agents/" + archived, user.auth()).status()).isEqualTo(204);

        JsonNode page = api.get("/api/v1/agents?page=1&size=2", user.auth()).body();
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(page.path("active_count").asLong()).isEqualTo(3);
        assertThat(page.path("pages").asInt()).isEqualTo(3);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("name").asText()).isEqualTo("agent-4");

        JsonNode bare = api.get("/api/v1/agents?skip=1&limit=3", user.auth()).body();
        assertThat(bare.isArray()).isTrue();
        assertThat(bare.size()).isEqualTo(3);
        assertThat(bare.get(0).path("name").asText()).isEqualTo("agent-3");

        JsonNode archivedOnly = api.get("/api/v1/agents?status=archived", user.auth()).body();
        assertThat(archivedOnly.path("total").asLong()).isEqualTo(1);
        assertThat(archivedOnly.path("items").get(0).path("id").asText()).isEqualTo(archived);
        assertThat(api.get("/api/v1/agents?search=AGENT-2", user.auth()).body().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void patchAndPutBothUpdateAndAStaleVersionIsRefused() {
        User user = register();
        String id = create(user, Map.of("name", "first", "description", "d")).path("id").asText();

        Api.Response patched = api.call("PATCH", "/api/v1/agents/" + id, Map.of("name", "renamed"), user.auth());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().path("name").asText()).isEqualTo("renamed");
        assertThat(patched.body().path("description").asText()).isEqualTo("d");
        assertThat(patched.body().path("version").asLong()).isEqualTo(1);

        Api.Response put = api.put("/api/v1/agents/" + id, Map.of("config", Map.of("preferences",
                Map.of("language", "en")), "is_active", false), user.auth("If-Match", "\"1\""));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.body().path("config").path("preferences").path("language").asText()).isEqualTo("en");
        assertThat(put.body().path("is_active").asBoolean()).isFalse();

        Api.Response stale = api.put("/api/v1/agents/" + id, Map.of("name", "late"), user.auth("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/agents/" + id, user.auth()).body().path("name").asText()).isEqualTo("renamed");

        Api.Response archived = api.call("PATCH", "/api/v1/agents/" + id, Map.of("status", "archived"),
                user.auth());
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.body().path("status").asText()).isEqualTo("archived");
        assertThat(api.put("/api/v1/agents/" + id, Map.of("name", "again"), user.auth()).status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/agents/" + id, user.auth()).status()).isEqualTo(409);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        User user = register();
        String id = create(user, Map.of("name", "keeper")).path("id").asText();

        assertThat(api.post("/api/v1/agents", Map.of("name", " "), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/agents", Map.of("name", "n".repeat(201)), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/agents", "{\"name\": ", user.auth()).status()).isEqualTo(400);
        Api.Response secret = api.post("/api/v1/agents", Map.of("name", "leaky", "config",
                Map.of("api_keys", Map.of("openai", "sk-123"))), user.auth());
        assertThat(secret.status()).isEqualTo(422);
        assertThat(secret.rawBody()).contains("credential").doesNotContain("sk-123");
        assertThat(api.post("/api/v1/agents", Map.of("name", "big", "config", Map.of("preferences",
                Map.of("blob", "x".repeat(40_000)))), user.auth()).status()).isEqualTo(422);
        assertThat(api.call("PATCH", "/api/v1/agents/" + id, Map.of("status", "ready"), user.auth()).status())
                .isEqualTo(422);
        assertThat(api.call("PATCH", "/api/v1/agents/" + id, Map.of(), user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/agents?page=1&skip=2", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/agents?limit=0", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/agents?skip=-1", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/agents?status=sleeping", user.auth()).status()).isEqualTo(422);

        JsonNode agent = api.get("/api/v1/agents/" + id, user.auth()).body();
        assertThat(agent.path("version").asLong()).isZero();
        assertThat(api.get("/api/v1/agents", user.auth()).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anotherTenantFindsNothingAndAnAuditorCannotWrite() {
        User owner = register();
        String id = create(owner, Map.of("name", "private")).path("id").asText();
        User stranger = register();

        assertThat(api.get("/api/v1/agents/" + id, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.call("PATCH", "/api/v1/agents/" + id, Map.of("name", "mine"), stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/agents/" + id, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agents/" + id + "/memory", stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/agents/" + id + "/memory", Map.of("memory_type", "note", "content", "x"),
                stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agents", stranger.auth()).body().path("total").asLong()).isZero();

        User auditor = invite(owner, "auditor");
        assertThat(api.get("/api/v1/agents/" + id, auditor.auth()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/agents", Map.of("name", "nope"), auditor.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/agents/" + id, owner.auth()).body().path("name").asText()).isEqualTo("private");
    }

    @Test
    void anAgentKeepsItsOwnMemoryAndItsWholeLifeIsAudited() {
        User user = register();
        String id = create(user, Map.of("name", "rememberer")).path("id").asText();
        Api.Response stored = api.post("/api/v1/agents/" + id + "/memory", Map.of("memory_type", "note",
                "content", Map.of("text", "likes tea")), user.auth());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        eventually(() -> api.get("/api/v1/agents/" + id + "/memory", user.auth()).body().path("count").asInt() == 1);

        api.call("PATCH", "/api/v1/agents/" + id, Map.of("description", "knows things"), user.auth());
        api.delete("/api/v1/agents/" + id, user.auth());
        eventually(() -> api.get("/api/v1/audit/logs?resource_id=" + id, user.auth()).body().path("total")
                .asInt() == 3);
        JsonNode entries = api.get("/api/v1/audit/logs?resource_id=" + id, user.auth()).body().path("items");
        assertThat(entries.findValuesAsText("action")).containsExactlyInAnyOrder("agent.create", "agent.update",
                "agent.archive");
        assertThat(entries.findValuesAsText("user_id")).containsOnly(user.id());
    }
}
