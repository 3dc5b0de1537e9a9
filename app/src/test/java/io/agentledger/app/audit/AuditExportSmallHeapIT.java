package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in a JVM of its own whose heap is smaller than the export (see the {@code small-heap}
 * execution in app/pom.xml): a service that held the export in memory could not answer it.
 */
class AuditExportSmallHeapIT {

    private static final int EVENTS = 100_000;
    private static final int BATCH = 500;
    private static final int NOTE_LENGTH = 1_500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHundredThousandEventsAreExportedThroughAHeapSmallerThanTheExport() throws Exception {
        JdbcTemplate jdbc = StandaloneService.jdbc();
        String tenant;
        String token;
        try (ConfigurableApplicationContext service = StandaloneService.start(null)) {
            String name = "export" + System.nanoTime();
            Api.Response registered = StandaloneService.api(service).post("/api/v1/auth/register", Map.of(
                    "email", name + "@example.com", "username", name, "password", "a long enough password",
                    "full_name", "Exporter"));
            tenant = registered.body().path("user").path("tenant_id").asText();
            token = registered.text("access_token");
        }
        String goal = "goal_export" + System.nanoTime();
        appendFillerEvents(jdbc, tenant, goal);
        sealWaitingEvents(jdbc);
        // the read models are beside the point here: start them past the filler instead of replaying it
        jdbc.update("UPDATE token_entry SET token = convert_to('{\"index\":' || (SELECT max(global_index) FROM "
                + "domain_event_entry) || ',\"gaps\":[]}', 'UTF8'), "
                + "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'");

        try (ConfigurableApplicationContext service = StandaloneService.start(null)) {
            HttpResponse<InputStream> export = StandaloneService.api(service).stream(
                    "/api/v1/audit/export?resource_type=goal", Duration.ofMinutes(10),
                    "Authorization", "Bearer " + token);
            assertThat(export.statusCode()).isEqualTo(200);
            long bytes = 0;
            long lines = 0;
            String previousChainLink = null;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(export.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    JsonNode event = JSON.readTree(line);
                    assertThat(event.path("aggregate_id").asText()).isEqualTo(goal);
                    assertThat(event.path("sequence").asLong()).isEqualTo(lines);
                    if (previousChainLink != null) {
                        assertThat(event.path("previous_link").asText()).isEqualTo(previousChainLink);
                    }
                    previousChainLink = event.path("chain_link").asText();
                    bytes += line.length() + 1;
                    lines++;
                }
            }
            assertThat(lines).isEqualTo(EVENTS);
            assertThat(bytes).as("export size against this JVM's whole heap")
                    .isGreaterThan(Runtime.getRuntime().maxMemory());

            // two clients that stop reading hold their exports open: a third of the tenant's waits its turn
            Api api = StandaloneService.api(service);
            List<HttpResponse<InputStream>> stalled = List.of(
                    api.stream("/api/v1/audit/export", Duration.ofMinutes(2), "Authorization", "Bearer " + token),
                    api.stream("/api/v1/audit/export", Duration.ofMinutes(2), "Authorization", "Bearer " + token));
            try {
                Api.Response third = api.get("/api/v1/audit/export?resource_type=goal", "Authorization",
                        "Bearer " + token);
                assertThat(third.status()).isEqualTo(429);
                assertThat(third.text("detail")).contains("exports");
            } finally {
                for (HttpResponse<InputStream> held : stalled) {
                    held.body().close();
                }
            }
        }
    }

    /** What the service's sealer does once it runs: chain the appended events, a batch per transaction. */
    private static void sealWaitingEvents(JdbcTemplate jdbc) {
        Long sealed;
        do {
            sealed = jdbc.queryForObject("SELECT sealed FROM event_chain_seal(?, 10000)", Long.class, Long.MIN_VALUE);
        } while (sealed != null && sealed > 0);
    }

    /**
     * One goal with {@link #EVENTS} updates, stored through the store's trigger, in batches.
     */
    private static void appendFillerEvents(JdbcTemplate jdbc, String tenant, String goal) {
        String payload = "{\"goal_id\":\"" + goal + "\",\"tenant_id\":\"" + tenant + "\",\"updated_by\":\"bulk\","
                + "\"changes\":{\"metadata\":{\"note\":\"" + "n".repeat(NOTE_LENGTH) + "\"}}}";
        String metadata = "{\"tenant_id\":\"" + tenant + "\",\"user_id\":\"bulk\"}";
        for (int first = 0; first < EVENTS; first += BATCH) {
            jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, "
                            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                            + "SELECT ?, i, 'GoalAggregate', gen_random_uuid()::text, convert_to(?, 'UTF8'), "
                            + "convert_to(?, 'UTF8'), '1', 'io.agentledger.kernel.goal.GoalEvent$GoalUpdated', ? "
                            + "FROM generate_series(?, ?) AS i",
                    goal, metadata, payload, Instant.now().toString(), first, first + BATCH - 1);
        }
    }
}
