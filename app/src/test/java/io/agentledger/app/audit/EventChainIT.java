package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.Sealing;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.axon.eventstore.chain.ChainCheckpoints;
import io.agentledger.axon.eventstore.chain.EventChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event hash chain reports tampering done with SQL behind the service's back at the right
 * position. Each test tampers with events of its own and verifies their range only.
 */
class EventChainIT {

    private static ConfigurableApplicationContext service;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static String[] auth;

    @BeforeAll
    static void start() {
        service = StandaloneService.startOn("event_chain", null,
                "--agentledger.audit.checkpoint-key=chain-tests-key-0123456789abcdef01");
        api = StandaloneService.api(service);
        jdbc = StandaloneService.jdbc("event_chain");
        String name = "chain" + System.nanoTime();
        auth = new String[]{"Authorization", "Bearer " + api.post("/api/v1/auth/register", Map.of("email",
                name + "@example.com", "username", name, "password", "a long enough password", "full_name", "C"))
                .text("access_token")};
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Stores five goal events and answers their positions. */
    private static List<Long> fiveEvents() {
        String goalId = api.post("/api/v1/goals", Map.of("text", "v0"), auth).text("id");
        for (int i = 1; i < 5; i++) {
            api.put("/api/v1/goals/" + goalId, Map.of("text", "v" + i), auth);
        }
        Sealing.awaitSealed(jdbc);
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY global_index", Long.class, goalId);
    }

    private static JsonNode verify(List<Long> range) {
        Api.Response response = api.get("/api/v1/audit/verify?from=" + range.get(0) + "&to="
                + range.get(range.size() - 1), auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    @Test
    void anUntouchedHistoryVerifiesAndTheDatabaseAndServiceAgreeOnEveryLink() {
        fiveEvents();
        JsonNode all = api.get("/api/v1/audit/verify", auth).body();
        assertThat(all.path("ok").asBoolean()).as(all.toString()).isTrue();
        Map<String, Object> head = jdbc.queryForMap("SELECT position, encode(link, 'hex') AS link "
                + "FROM event_chain_head");
        assertThat(all.path("events_checked").asLong()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        assertThat(all.path("head").path("position").asLong()).isEqualTo(((Number) head.get("position")).longValue());
        assertThat(all.path("head").path("link").asText()).isEqualTo(head.get("link"));
    }

    @Test
    void theDatabaseLinksAnEventExactlyAsTheVerifierDoesWhateverItsFields() throws Exception {
        byte[] previous = java.security.MessageDigest.getInstance("SHA-256").digest("previous".getBytes());
        List<EventChain.StoredEvent> events = List.of(
                new EventChain.StoredEvent(42, "evt-1", "GoalAggregate", "goal_1", 3, "2026-12-03T10:00:00Z",
                        "io.agentledger.GoalCreated", null, "{\"text\":\"a\"}".getBytes(UTF_8), "{}".getBytes(UTF_8),
                        null),
                new EventChain.StoredEvent(43, null, null, "Zürich-東京-💡", 0, "", null, "2.0", new byte[0], null,
                        null),
                new EventChain.StoredEvent(Long.MAX_VALUE, "", "", "", -1, null, "", "", null,
                        "{\"note\":\"\\u0000\"}".getBytes(UTF_8), null));
        for (EventChain.StoredEvent event : events) {
            byte[] database = jdbc.queryForObject("SELECT event_chain_link(?, "
                    + "jsonb_populate_record(NULL::domain_event_entry, ?::jsonb))", byte[].class, previous, asRow(event));
            assertThat(database).as(event.toString()).isEqualTo(EventChain.link(previous, event));
        }
    }

    private static String asRow(EventChain.StoredEvent e) throws Exception {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("global_index", e.globalIndex());
        row.put("event_identifier", e.eventIdentifier());
        row.put("type", e.type());
        row.put("aggregate_identifier", e.aggregateIdentifier());
        row.put("sequence_number", e.sequenceNumber());
        row.put("time_stamp", e.timeStamp());
        row.put("payload_type", e.payloadType());
        row.put("payload_revision", e.payloadRevision());
        row.put("payload", e.payload() == null ? null : "\\x" + java.util.HexFormat.of().formatHex(e.payload()));
        row.put("meta_data", e.metaData() == null ? null : "\\x" + java.util.HexFormat.of().formatHex(e.metaData()));
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row);
    }

    @Test
    void aChangedPayloadIsReportedAtItsPosition() {
        List<Long> events = fiveEvents();
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"v2\"', '\"v9\"'), 'UTF8') WHERE global_index = ?", events.get(2));

        JsonNode result = verify(events);

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("broken").path("position").asLong()).isEqualTo(events.get(2));
        assertThat(result.path("broken").path("reason").asText()).contains("changed");
    }

    @Test
    void aDeletedEventIsReportedAtItsPosition() {
        List<Long> events = fiveEvents();
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", events.get(1));

        JsonNode result = verify(events);

        assertThat(result.path("broken").path("position").asLong()).isEqualTo(events.get(1));
        assertThat(result.path("broken").path("reason").asText()).contains("missing");
    }

    /** The forged event copies a harmless update, so the projections that pick it up do not stall. */
    @Test
    void anEventInsertedIntoTheHistoryBehindTheStoresBackIsReportedAtItsPosition() {
        long gap = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        List<Long> events = fiveEvents();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Object>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                statement.execute("INSERT INTO domain_event_entry (global_index, event_identifier, type, "
                        + "aggregate_identifier, sequence_number, time_stamp, payload_type, payload, meta_data, "
                        + "chain_link) SELECT " + gap + ", 'forged-" + gap + "', type, 'goal_forged', 0, time_stamp, "
                        + "payload_type, payload, meta_data, chain_link FROM domain_event_entry "
                        + "WHERE global_index = " + events.get(1));
                statement.execute("SET session_replication_role = DEFAULT");
            }
            return null;
        });

        JsonNode result = api.get("/api/v1/audit/verify?from=" + gap + "&to=" + events.get(4), auth).body();

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("broken").path("position").asLong()).isEqualTo(gap);
    }

    @Test
    void twoSwappedEventsAreReportedAtTheFirst() {
        List<Long> events = fiveEvents();
        long a = events.get(2);
        long b = events.get(3);
        // parked far above the store (a negative position would be an event waiting for its seal)
        long parked = 1_000_000_000_000L;
        jdbc.update("UPDATE domain_event_entry SET global_index = global_index + ? WHERE global_index IN (?, ?)",
                parked, a, b);
        jdbc.update("UPDATE domain_event_entry SET global_index = CASE global_index WHEN ? THEN ? ELSE ? END "
                + "WHERE global_index IN (?, ?)", a + parked, b, a, a + parked, b + parked);

        JsonNode result = verify(events);

        assertThat(result.path("broken").path("position").asLong()).isEqualTo(a);
    }

    @Test
    void historyRewrittenWithFreshLinksIsCaughtByTheSignedCheckpoint() {
        List<Long> events = fiveEvents();
        long signed = service.getBean(ChainCheckpoints.class).checkpoint();
        assertThat(signed).isGreaterThanOrEqualTo(events.get(4));
        assertThat(verify(events).path("ok").asBoolean()).isTrue();

        // an attacker who knows the scheme changes an event and recomputes every link after it
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"v3\"', '\"v7\"'), 'UTF8') WHERE global_index = ?", events.get(3));
        jdbc.execute("DO $$ DECLARE previous BYTEA; e domain_event_entry; BEGIN "
                + "SELECT chain_link INTO previous FROM domain_event_entry WHERE global_index = " + events.get(2) + "; "
                + "FOR e IN SELECT * FROM domain_event_entry WHERE global_index > " + events.get(2)
                + " AND global_index <= " + signed + " ORDER BY global_index LOOP "
                + "previous := event_chain_link(previous, e); "
                + "UPDATE domain_event_entry SET chain_link = previous WHERE global_index = e.global_index; "
                + "END LOOP; END $$");

        JsonNode result = api.get("/api/v1/audit/verify?from=" + events.get(0) + "&to=" + signed, auth).body();

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("broken").path("position").asLong()).isEqualTo(signed);
        assertThat(result.path("broken").path("reason").asText()).contains("rewritten history");
    }

    @Test
    void verifyIsForAuditorsAndAdminsAndTakesASaneRange() {
        assertThat(api.get("/api/v1/audit/verify").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/verify?from=5&to=2", auth).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/audit/verify?from=0", auth).status()).isEqualTo(422);
    }
}
