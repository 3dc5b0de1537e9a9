package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.axon.eventstore.chain.EventSealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends do not wait for each other: an event is stored at a provisional position and chained after
 * its commit. What must still hold: one chain over every event, global positions without holes that
 * follow the order events became visible, and verification over all of it.
 */
class SealedChainIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private EventSealer sealer;

    @Test
    void concurrentAppendsAreSealedIntoOneChainWithoutHolesThatVerifies() throws Exception {
        User user = register();
        long before = sealedHead();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<Integer>> creations = new ArrayList<>();
        for (int client = 0; client < 12; client++) {
            creations.add(clients.submit(() -> {
                int created = 0;
                for (int i = 0; i < 8; i++) {
                    created += api.post("/api/v1/goals", Map.of("text", "concurrent " + i), user.auth()).status()
                            == 201 ? 1 : 0;
                }
                return created;
            }));
        }
        int created = 0;
        for (Future<Integer> creation : creations) {
            created += creation.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(created).isEqualTo(96);
        eventually(() -> unsealed() == 0);

        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index", Long.class, before);
        long head = positions.get(positions.size() - 1);
        assertThat(positions).as("no holes after %d", before)
                .containsExactlyElementsOf(LongStream.rangeClosed(before + 1, head).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN "
                + "(SELECT id FROM goal_view WHERE created_by = ?) AND global_index > 0", Long.class, user.id()))
                .isEqualTo(96);
        JsonNode verified = api.get("/api/v1/audit/verify?from=" + (before + 1) + "&to=" + head,
                platformAdmin().auth()).body();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("events_checked").asLong()).isEqualTo(head - before);
        assertThat(verified.path("unsealed_events").isNumber()).isTrue();
    }

    @Test
    void anAppendThatCommitsLateIsSealedAfterTheEventsThatBecameVisibleBeforeIt() throws Exception {
        User user = register();
        String template = api.post("/api/v1/goals", Map.of("text", "template"), user.auth()).text("id");
        // the late event copies a harmless update, so the projections that pick it up do not stall
        api.put("/api/v1/goals/" + template, Map.of("text", "template"), user.auth());
        String lateAggregate = "goal_late" + System.nanoTime();
        long provisional;
        String otherGoal;
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (Statement statement = late.createStatement()) {
                statement.execute("INSERT INTO domain_event_entry (event_identifier, type, aggregate_identifier, "
                        + "sequence_number, time_stamp, payload_type, payload, meta_data) SELECT 'late-"
                        + lateAggregate + "', type, '" + lateAggregate + "', 0, time_stamp, payload_type, payload, "
                        + "meta_data FROM domain_event_entry WHERE aggregate_identifier = '" + template + "' "
                        + "AND sequence_number = 1");
                try (ResultSet stored = statement.executeQuery("SELECT global_index, chain_link FROM "
                        + "domain_event_entry WHERE aggregate_identifier = '" + lateAggregate + "'")) {
                    assertThat(stored.next()).isTrue();
                    provisional = stored.getLong(1);
                    assertThat(stored.getBytes(2)).as("no link before the seal").isNull();
                }
            }
            assertThat(provisional).as("a provisional position").isNegative();

            otherGoal = api.post("/api/v1/goals", Map.of("text", "visible first"), user.auth()).text("id");
            String visible = otherGoal;
            // visible to readers means sealed: under load the sealer may not have come round yet
            eventually(() -> jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE "
                    + "aggregate_identifier = ?", Long.class, visible) > 0);
            late.commit();
        }
        eventually(() -> unsealed() == 0);

        long latePosition = position(lateAggregate);
        assertThat(latePosition).isGreaterThan(position(otherGoal));
        JsonNode verified = api.get("/api/v1/audit/verify?from=" + position(template) + "&to=" + latePosition,
                platformAdmin().auth()).body();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void healthShowsTheTailWaitingForItsSeal() {
        User user = register();
        sealer.stop();
        try {
            api.post("/api/v1/goals", Map.of("text", "Waits for its seal"), user.auth());
            JsonNode store = api.get("/health").body().path("components").path("event_store");
            assertThat(store.path("unsealed_events").asLong()).isPositive();
            assertThat(store.path("oldest_unsealed_at").asText()).isNotBlank();
            // a tail younger than the allowed wait is normal traffic, not a stall
            assertThat(store.path("status").asText()).isEqualTo("up");
        } finally {
            sealer.start();
        }
        eventually(() -> api.get("/health").body().path("components").path("event_store")
                .path("unsealed_events").asLong() == 0);
        assertThat(api.get("/health").body().path("components").path("event_store").path("oldest_unsealed_at")
                .isNull()).isTrue();
    }

    private long position(String aggregateId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private long unsealed() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index < 0", Long.class);
    }
}
