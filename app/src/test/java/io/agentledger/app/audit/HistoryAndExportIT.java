package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
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
            assertThat(offlineLink(line)).isEqualTo(line.path("chain_link").asText());
        }

        Api.Response goalsOnly = api.get("/api/v1/audit/export?resource_type=goal", admin.auth());
        assertThat(goalsOnly.rawBody().split("\n")).allSatisfy(line -> assertThat(line)
                .contains("\"aggregate_type\":\"GoalAggregate\""));
        assertThat(api.get("/api/v1/audit/export?resource_type=spaceship", admin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/audit/export?date_from=" + java.time.Instant.now().plusSeconds(3600),
                admin.auth()).rawBody()).isEmpty();
    }

    /**
     * The link as the README documents it, computed without the service's code: SHA-256 over the
     * previous link, the position (8 bytes, big-endian), then each field as its length (4 bytes,
     * big-endian, -1 for none) and its UTF-8 bytes, the sequence being 8 bytes like the position.
     */
    private static String offlineLink(JsonNode line) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.write(HexFormat.of().parseHex(line.path("previous_link").asText()));
        out.writeLong(line.path("position").asLong());
        for (String field : List.of("event_id", "aggregate_type", "aggregate_id")) {
            lengthAndBytes(out, text(line, field));
        }
        out.writeLong(line.path("sequence").asLong());
        for (String field : List.of("timestamp", "payload_type", "payload_revision", "payload", "metadata")) {
            lengthAndBytes(out, text(line, field));
        }
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes.toByteArray()));
    }

    private static void lengthAndBytes(java.io.DataOutputStream out, String value) throws java.io.IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(JsonNode line, String field) {
        return line.path(field).isNull() ? null : line.path(field).asText();
    }
}
