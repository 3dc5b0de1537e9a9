package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.axon.eventstore.chain.EventChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryAndExportIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aResourcesHistoryListsItsEventsInOrderWithMetadataAndPages() {
        User admin = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "v0"), admin.auth()).text("id");
        api.put("/api/v1/goals/" + goalId, Map.of("text", "v1"), admin.auth());
        api.delete("/api/v1/goals/" + goalId, admin.auth());

        JsonNode history = api.get("/api/v1/history/goal/" + goalId, admin.auth()).body();
        assertThat(history.path("total").asInt()).isEqualTo(3);
        assertThat(history.path("items").findValuesAsText("type"))
                .containsExactly("GoalCreated", "GoalUpdated", "GoalDeleted");
        JsonNode created = history.path("items").get(0);
        assertThat(created.path("sequence").asInt()).isZero();
        assertThat(created.path("payload").path("text").asText()).isEqualTo("v0");
        assertThat(created.path("metadata").path("user_id").asText()).isEqualTo(admin.id());
        assertThat(created.path("timestamp").asText()).isNotBlank();
        assertThat(created.path("chain_link").asText()).hasSize(64);

        JsonNode second = api.get("/api/v1/history/goal/" + goalId + "?size=2&page=2", admin.auth()).body();
        assertThat(second.path("items").findValuesAsText("type")).containsExactly("GoalDeleted");
        assertThat(second.path("pages").asInt()).isEqualTo(2);
    }

    @Test
    void historyIsWalledByTenantAndRole() {
        User admin = register();
        User stranger = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "mine"), admin.auth()).text("id");
        assertThat(api.get("/api/v1/history/goal/" + goalId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/history/goal/goal_nothing", admin.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/history/spaceship/" + goalId, admin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/history/run/" + goalId, admin.auth()).status()).isEqualTo(404);
    }

    @Test
    void theExportHoldsTheTenantsEventsOnlyAndEachVerifiesOffline() throws Exception {
        User admin = register();
        User stranger = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "exported"), admin.auth()).text("id");
        api.put("/api/v1/goals/" + goalId, Map.of("text", "exported again"), admin.auth());
        api.post("/api/v1/goals", Map.of("text", "someone else's"), stranger.auth());

        Api.Response export = api.get("/api/v1/audit/export", admin.auth());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/x-ndjson"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.rawBody().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines).extracting(line -> line.path("aggregate_id").asText()).contains(goalId, admin.id());
        assertThat(export.rawBody()).doesNotContain(stranger.id()).doesNotContain("someone else's");
        for (JsonNode line : lines) {
            EventChain.StoredEvent event = new EventChain.StoredEvent(line.path("position").asLong(),
                    line.path("event_id").asText(), text(line, "aggregate_type"), line.path("aggregate_id").asText(),
                    line.path("sequence").asLong(), line.path("timestamp").asText(), line.path("payload_type").asText(),
                    text(line, "payload_revision"), bytes(line, "payload"), bytes(line, "metadata"), null);
            byte[] recomputed = EventChain.link(HexFormat.of().parseHex(line.path("previous_link").asText()), event);
            assertThat(HexFormat.of().formatHex(recomputed)).isEqualTo(line.path("chain_link").asText());
        }

        Api.Response goalsOnly = api.get("/api/v1/audit/export?resource_type=goal", admin.auth());
        assertThat(goalsOnly.rawBody().split("\n")).allSatisfy(line -> assertThat(line)
                .contains("\"aggregate_type\":\"GoalAggregate\""));
        assertThat(api.get("/api/v1/audit/export?resource_type=spaceship", admin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/audit/export?date_from=" + java.time.Instant.now().plusSeconds(3600),
                admin.auth()).rawBody()).isEmpty();
    }

    private static String text(JsonNode line, String field) {
        return line.path(field).isNull() ? null : line.path(field).asText();
    }

    private static byte[] bytes(JsonNode line, String field) {
        return line.path(field).isNull() ? null : line.path(field).asText().getBytes(StandardCharsets.UTF_8);
    }
}
