package io.agentledger.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event a read model cannot apply is parked with its aggregate's later events; every other
 * aggregate's events flow on, and a platform admin retries or evicts it, each decision an event.
 */
class DeadLetterIT extends IntegrationTest {

    private JsonNode lettersOf(String aggregateId) {
        JsonNode page = api.get("/api/v1/admin/dead-letters?processing_group=goal-summary&size=100",
                platformAdmin().auth()).body();
        com.fasterxml.jackson.databind.node.ArrayNode mine = new com.fasterxml.jackson.databind.ObjectMapper()
                .createArrayNode();
        page.path("items").forEach(item -> {
            if (aggregateId.equals(item.path("aggregate_id").asText())) {
                mine.add(item);
            }
        });
        return mine;
    }

    /** The goal read model refuses, from now on, goals whose text starts so: answers the constraint to drop. */
    private String refuseGoalsStartingWith(String prefix) {
        String constraint = "dead_letter_test_" + Math.abs(prefix.hashCode());
        jdbc.execute("ALTER TABLE goal_view ADD CONSTRAINT " + constraint + " CHECK (text NOT LIKE '" + prefix
                + "%')");
        return constraint;
    }

    /** A goal the read model does not show answers 201 with its Location only, once the wait for it ran out. */
    private static String createdId(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private long storedEvents(String type, String deadLetterId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                + "AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + type, "%" + deadLetterId + "%");
    }

    @Test
    void aGoalTheReadModelRefusesIsParkedOthersFlowAndARetryAppliesItOnceTheCauseIsGone() {
        User user = register();
        String blocked = unique("blocked-");
        String constraint = refuseGoalsStartingWith(blocked);
        String goalId;
        try {
            goalId = createdId(api.post("/api/v1/goals", Map.of("text", blocked), user.auth()));
            api.put("/api/v1/goals/" + goalId, Map.of("text", blocked + " again"), user.auth());
            String flowing = api.post("/api/v1/goals", Map.of("text", "unaffected"), user.auth()).text("id");

            assertThat(api.get("/api/v1/goals/" + flowing, user.auth()).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/goals/" + goalId, user.auth()).status()).isEqualTo(404);
            eventually(() -> lettersOf(goalId).size() == 2);
            JsonNode letters = lettersOf(goalId);
            assertThat(letters.get(0).path("sequence_index").asLong())
                    .isLessThan(letters.get(1).path("sequence_index").asLong());
            assertThat(letters.get(0).path("cause_message").asText()).contains(constraint);
            assertThat(letters.get(0).path("tenant_id").asText()).isEqualTo(user.tenantId());
            JsonNode health = api.get("/health").body().path("components").path("dead_letters");
            assertThat(health.path("waiting").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(health.path("groups").path("goal-summary").path("oldest").asText()).isNotBlank();

            Api.Response stillFailing = api.post("/api/v1/admin/dead-letters/" + letters.get(0).path("id").asText()
                    + "/retry", null, platformAdmin().auth());
            assertThat(stillFailing.status()).as(stillFailing.toString()).isEqualTo(200);
            assertThat(stillFailing.body().path("applied").asBoolean()).isFalse();
            assertThat(lettersOf(goalId)).hasSize(2);
        } finally {
            jdbc.execute("ALTER TABLE goal_view DROP CONSTRAINT " + constraint);
        }

        String first = lettersOf(goalId).get(0).path("id").asText();
        Api.Response retried = api.post("/api/v1/admin/dead-letters/" + first + "/retry", null,
                platformAdmin().auth());

        assertThat(retried.body().path("applied").asBoolean()).as(retried.toString()).isTrue();
        assertThat(lettersOf(goalId)).isEmpty();
        assertThat(api.get("/api/v1/goals/" + goalId, user.auth()).body().path("text").asText())
                .isEqualTo(blocked + " again");
        assertThat(storedEvents("DeadLetterRetried", first)).isEqualTo(2);
    }

    @Test
    void anEvictedLetterLeavesTheQueueOnRecordAndOnlyPlatformAdminsDecide() {
        User user = register();
        String blocked = unique("evicted-");
        String constraint = refuseGoalsStartingWith(blocked);
        String goalId;
        try {
            goalId = createdId(api.post("/api/v1/goals", Map.of("text", blocked), user.auth()));
            eventually(() -> lettersOf(goalId).size() == 1);
        } finally {
            jdbc.execute("ALTER TABLE goal_view DROP CONSTRAINT " + constraint);
        }
        String id = lettersOf(goalId).get(0).path("id").asText();

        User tenantAdmin = registerSteppedUp();
        assertThat(api.get("/api/v1/admin/dead-letters", tenantAdmin.auth()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/dead-letters/" + id + "/retry", null, tenantAdmin.auth()).status())
                .isEqualTo(403);
        assertThat(api.call("DELETE", "/api/v1/admin/dead-letters/" + id, Map.of("reason", "x"),
                tenantAdmin.auth()).status()).isEqualTo(403);
        assertThat(api.call("DELETE", "/api/v1/admin/dead-letters/" + id, Map.of("reason", " "),
                platformAdmin().auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/admin/dead-letters?size=1000", platformAdmin().auth()).status()).isEqualTo(422);
        assertThat(lettersOf(goalId)).hasSize(1);

        Api.Response evicted = api.call("DELETE", "/api/v1/admin/dead-letters/" + id,
                Map.of("reason", "known bad data, rebuilt by the next replay"), platformAdmin().auth());

        assertThat(evicted.status()).as(evicted.toString()).isEqualTo(204);
        assertThat(lettersOf(goalId)).isEmpty();
        assertThat(storedEvents("DeadLetterEvicted", id)).isEqualTo(1);
        assertThat(api.call("DELETE", "/api/v1/admin/dead-letters/" + id, Map.of("reason", "again"),
                platformAdmin().auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/admin/dead-letters/unknown/retry", null, platformAdmin().auth()).status())
                .isEqualTo(404);
    }
}
