package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.Sealing;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.axon.eventstore.chain.ChainCheckpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints with no configured key: the key outlives the process, checkpoints chain to each other,
 * and an attacker who edits the database cannot forge, drop or cut them off unnoticed. One service on
 * a database of its own; the tampering tests restore what they changed, the last one cuts the tail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointChainIT {

    private static final String DATABASE = "checkpoint_chain";
    private static final String DATA_DIR = "target/checkpoint-chain-" + System.nanoTime();
    private static ConfigurableApplicationContext service;
    private static Api api;
    private static String[] owner;
    private static JdbcTemplate jdbc;

    private static ConfigurableApplicationContext start() {
        return StandaloneService.startOn(DATABASE, null, "--agentledger.data-dir=" + DATA_DIR,
                "--agentledger.audit.checkpoint-interval=PT1H");
    }

    @BeforeAll
    static void startService() {
        service = start();
        api = StandaloneService.api(service);
        owner = StandaloneService.registerUser(api, "chainowner");
        jdbc = StandaloneService.jdbc(DATABASE);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static long checkpointAfterSomeEvents() {
        String goalId = api.post("/api/v1/goals", Map.of("text", "chained"), owner).text("id");
        api.put("/api/v1/goals/" + goalId, Map.of("text", "chained again"), owner);
        Sealing.awaitSealed(jdbc);
        return service.getBean(ChainCheckpoints.class).checkpoint();
    }

    private static JsonNode verify(String... auth) {
        Api.Response response = api.get("/api/v1/audit/verify", auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(1)
    void theGeneratedKeyIsKeptSoEarlierCheckpointsStillVerifyAfterARestart() throws Exception {
        checkpointAfterSomeEvents();
        checkpointAfterSomeEvents();
        assertThat(verify(owner).path("ok").asBoolean()).isTrue();
        Path keyFile = Path.of(DATA_DIR, "checkpoint.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        service.close();
        service = start();
        api = StandaloneService.api(service);
        owner = new String[]{"Authorization", "Bearer " + api.post("/api/v1/auth/login", Map.of("email",
                ownerEmail(), "password", "a long enough password")).text("access_token")};

        JsonNode afterRestart = verify(owner);
        assertThat(afterRestart.path("ok").asBoolean()).as(afterRestart.toString()).isTrue();
        assertThat(afterRestart.path("scope").asText()).isEqualTo("platform");
        assertThat(afterRestart.path("checkpoints_checked").asInt()).isGreaterThanOrEqualTo(2);
    }

    private static String ownerEmail() {
        return jdbc.queryForObject("SELECT email FROM identity_user_lookup WHERE user_id = "
                + "(SELECT user_id FROM platform_owner)", String.class);
    }

    @Test
    @Order(2)
    void aForgedSignatureIsReported() {
        long position = checkpointAfterSomeEvents();
        byte[] signature = jdbc.queryForObject("SELECT signature FROM event_chain_checkpoint WHERE position = ?",
                byte[].class, position);
        jdbc.update("UPDATE event_chain_checkpoint SET signature = ? WHERE position = ?", new byte[32], position);
        try {
            JsonNode result = verify(owner);
            assertThat(result.path("ok").asBoolean()).isFalse();
            assertThat(result.path("broken").path("reason").asText()).contains("checkpoint at " + position);
        } finally {
            jdbc.update("UPDATE event_chain_checkpoint SET signature = ? WHERE position = ?", signature, position);
        }
        assertThat(verify(owner).path("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void aCheckpointRemovedFromTheMiddleIsReported() {
        long middle = checkpointAfterSomeEvents();
        long next = checkpointAfterSomeEvents();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM event_chain_checkpoint WHERE position = ?", middle);
        jdbc.update("DELETE FROM event_chain_checkpoint WHERE position = ?", middle);
        try {
            JsonNode result = verify(owner);
            assertThat(result.path("ok").asBoolean()).isFalse();
            assertThat(result.path("broken").path("position").asLong()).isEqualTo(next);
            assertThat(result.path("broken").path("reason").asText()).contains("removed");
        } finally {
            jdbc.update("INSERT INTO event_chain_checkpoint (position, link, signature, key_id, created_at, "
                    + "previous_position, previous_signature) VALUES (?, ?, ?, ?, ?, ?, ?)", row.get("position"),
                    row.get("link"), row.get("signature"), row.get("key_id"), row.get("created_at"),
                    row.get("previous_position"), row.get("previous_signature"));
        }
        assertThat(verify(owner).path("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void aTenantVerifiesItsOwnEventsOnlyAndSeesItsOwnTampering() {
        String[] member = StandaloneService.registerUser(api, "chainmember");
        String goalId = api.post("/api/v1/goals", Map.of("text", "mine"), member).text("id");
        Sealing.awaitSealed(jdbc);
        String tenantId = jdbc.queryForObject("SELECT tenant_id FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, goalId);

        JsonNode own = verify(member);
        assertThat(own.path("ok").asBoolean()).as(own.toString()).isTrue();
        assertThat(own.path("scope").asText()).isEqualTo("tenant");
        assertThat(own.path("events_checked").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE tenant_id = ?", Long.class, tenantId));

        long position = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, goalId);
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"mine\"', '\"yours\"'), 'UTF8') WHERE global_index = ?", position);
        try {
            JsonNode tampered = verify(member);
            assertThat(tampered.path("ok").asBoolean()).isFalse();
            assertThat(tampered.path("broken").path("position").asLong()).isEqualTo(position);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, position);
        }
    }

    @Test
    @Order(5)
    void aCutOffTailIsReportedEvenWhenTheHeadIsMovedBackToo() {
        long kept = checkpointAfterSomeEvents();
        long cut = checkpointAfterSomeEvents();
        assertThat(verify(owner).path("ok").asBoolean()).isTrue();

        jdbc.update("DELETE FROM event_chain_checkpoint WHERE position > ?", kept);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index > ?", kept);
        JsonNode headStillAhead = verify(owner);
        assertThat(headStillAhead.path("ok").asBoolean()).isFalse();
        assertThat(headStillAhead.path("broken").path("reason").asText()).contains("removed");

        jdbc.update("UPDATE event_chain_head SET position = ?, link = (SELECT chain_link FROM domain_event_entry "
                + "WHERE global_index = ?) WHERE id = 1", kept, kept);
        JsonNode headMovedBack = verify(owner);
        assertThat(headMovedBack.path("ok").asBoolean()).isFalse();
        assertThat(headMovedBack.path("broken").path("reason").asText()).contains("signed at " + cut);
    }
}
