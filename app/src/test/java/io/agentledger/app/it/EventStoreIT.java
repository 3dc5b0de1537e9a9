package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.Sealing;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreIT extends IntegrationTest {

    @Test
    void everyEventOfARequestCarriesWhoFromWhereAndWhy() {
        User user = register();
        Api.Response created = api.post("/api/v1/goals", Map.of("text", "Audited goal"), user.auth("User-Agent",
                "audit-test/1.0", "X-Correlation-Id", "corr-123"));
        String goalId = created.text("id");

        Map<String, Object> row = jdbc.queryForMap("SELECT event_identifier, convert_from(meta_data, 'UTF8') AS meta "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?", goalId);
        String meta = (String) row.get("meta");
        assertThat(meta).contains("\"user_id\":\"" + user.id() + "\"", "\"tenant_id\":\"" + user.tenantId() + "\"",
                "\"client_ip\":\"127.0.0.1\"", "\"user_agent\":\"audit-test/1.0\"",
                "\"request_id\":\"" + created.header("X-Request-Id").orElseThrow() + "\"",
                "\"correlation_id\":\"corr-123\"", "\"causation_id\":\"");
    }

    @Test
    void eventsOfARegistrationNameTheNewUserAsTheActor() {
        User user = register();
        List<String> metadata = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (?, ?)", String.class, user.id(), user.tenantId());
        assertThat(metadata).hasSize(2).allSatisfy(meta -> assertThat(meta)
                .contains("\"user_id\":\"" + user.id() + "\"", "\"tenant_id\":\"" + user.tenantId() + "\""));
    }

    @Test
    void noSecretEverReachesTheEventStoreOrAReadModel() {
        String name = unique("sec");
        String password = "Marker-Password-" + name;
        Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", password, "full_name", "Secret Keeper"));
        String[] auth = {"Authorization", "Bearer " + registered.text("access_token")};
        String refreshed = api.post("/api/v1/auth/refresh", Map.of("refresh_token", registered.text("refresh_token")))
                .text("refresh_token");
        StepUps.withFirstBackupCode(api, password, auth);
        String apiKey = api.post("/api/v1/api-keys", Map.of("name", "k"), auth).text("key");
        String invitation = api.post("/api/v1/users/invitations", Map.of("email", unique("i") + "@example.com",
                "role", "user"), auth).text("invitation_token");
        api.post("/api/v1/auth/login", Map.of("email", name + "@example.com", "password", password + "-wrong"));
        api.get("/api/v1/auth/me", "X-API-Key", apiKey);

        List<String> secrets = List.of(password, registered.text("access_token"), registered.text("refresh_token"),
                refreshed, apiKey, apiKey.substring(12), invitation, invitation.substring(invitation.indexOf('.') + 1));
        String stored = String.join("\n", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') || "
                + "COALESCE(convert_from(meta_data, 'UTF8'), '') FROM domain_event_entry", String.class))
                + String.join("\n", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry",
                String.class))
                + readModels();
        for (String secret : secrets) {
            assertThat(stored).doesNotContain(secret);
        }
        assertThat(stored).contains(name + "@example.com");
    }

    @Test
    void payloadsAreByteaAndTheGlobalIndexComesFromASequenceWithoutPreallocation() {
        assertThat(jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE table_name IN "
                + "('domain_event_entry', 'snapshot_event_entry') AND column_name IN ('payload', 'meta_data')",
                String.class)).hasSize(4).containsOnly("bytea");
        Map<String, Object> sequence = jdbc.queryForMap("SELECT increment_by, cache_size FROM pg_sequences "
                + "WHERE sequencename = 'domain_event_entry_global_index_seq'");
        assertThat(sequence).containsEntry("increment_by", 1L).containsEntry("cache_size", 1L);

        User user = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "v0"), user.auth()).text("id");
        for (int i = 1; i <= 3; i++) {
            api.put("/api/v1/goals/" + goalId, Map.of("text", "v" + i), user.auth());
        }
        Sealing.awaitSealed(jdbc);
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, goalId);
        assertThat(positions).hasSize(4).isSorted();
        // other tests' events may interleave; what the sequence must not do is leave holes
        Long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index BETWEEN ? AND ?",
                Long.class, positions.get(0), positions.get(3));
        assertThat(stored).isEqualTo(positions.get(3) - positions.get(0) + 1);
    }

    @Test
    void longStreamsAreSnapshottedAndStillLoadCorrectly() {
        User user = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "v0"), user.auth()).text("id");
        for (int i = 1; i <= 7; i++) {
            assertThat(api.put("/api/v1/goals/" + goalId, Map.of("text", "v" + i), user.auth()).status())
                    .isEqualTo(200);
        }
        eventually(() -> jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, goalId) > 0);

        Api.Response stale = api.put("/api/v1/goals/" + goalId, Map.of("text", "stale"), user.auth("If-Match", "\"6\""));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response current = api.put("/api/v1/goals/" + goalId, Map.of("text", "v8"), user.auth("If-Match", "\"7\""));
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().path("version").asLong()).isEqualTo(8);
    }

    @Test
    void everythingTheWholeSuiteStoredVerifiesAgainstItsHashChain() {
        User admin = platformAdmin();
        api.post("/api/v1/goals", Map.of("text", "chained"), admin.auth());
        Sealing.awaitSealed(jdbc);
        Api.Response verified = api.get("/api/v1/audit/verify", admin.auth());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.body().path("scope").asText()).isEqualTo("platform");
        assertThat(verified.body().path("events_checked").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index BETWEEN 1 AND ?", Long.class,
                        verified.body().path("head").path("position").asLong()));
    }

    @Test
    void trackingTokensAreKeptInPostgres() {
        eventually(() -> jdbc.queryForList("SELECT processor_name FROM token_entry", String.class)
                .containsAll(List.of("goal-summary", "run-summary", "user-directory", "api-key-directory")));
    }

    private String readModels() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("goal_view", "run_view", "user_view", "api_key_view", "identity_user_lookup",
                "identity_api_key_lookup", "identity_session_lookup")) {
            jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class).forEach(all::append);
        }
        return all.toString();
    }
}
