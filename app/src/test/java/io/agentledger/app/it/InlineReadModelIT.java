package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.axon.processing.inline.InlineFailureContainment;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal read model is written in the command's transaction: its writer reads each write at once, with
 * the tracking projection stopped; started again, the projection finds every version taken and changes
 * nothing, and what the inline writer could not apply the projection applies.
 */
class InlineReadModelIT extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private InlineFailureContainment containment;

    private StreamingEventProcessor tracking() {
        return processing.eventProcessor("goal-summary", StreamingEventProcessor.class).orElseThrow();
    }

    private String row(String goalId) {
        return jdbc.queryForObject("SELECT t::text FROM goal_view t WHERE id = ?", String.class, goalId);
    }

    private boolean caughtUp() {
        return tracking().processingStatus().values().stream().allMatch(status -> status.isCaughtUp()
                && status.getCurrentPosition().orElse(0) >= io.agentledger.app.processing.ProcessorProgress.head(jdbc));
    }

    @Test
    void theInlineGroupIsSubscribingAndTheProjectionAPooledProcessorWithOneSegment() {
        assertThat(processing.eventProcessor("goal-summary-inline")).containsInstanceOf(
                SubscribingEventProcessor.class);
        assertThat(tracking()).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(tracking().processingStatus()).containsOnlyKeys(0);
    }

    @Test
    void aGoalsWritesAreReadAtOnceWithoutTheTrackingProjectionWhichLaterChangesNothing() {
        User user = register();
        tracking().shutDown();
        String goalId;
        String written;
        try {
            Api.Response created = api.post("/api/v1/goals", Map.of("text", "inline first"), user.auth());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.text("text")).isEqualTo("inline first");
            assertThat(created.body().path("version").asLong()).isZero();
            goalId = created.text("id");

            Api.Response updated = api.put("/api/v1/goals/" + goalId, Map.of("text", "inline second",
                    "priority", "high"), user.auth());
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.text("text")).isEqualTo("inline second");
            assertThat(updated.body().path("version").asLong()).isEqualTo(1);
            assertThat(updated.header("ETag")).hasValue("\"1\"");

            JsonNode read = api.get("/api/v1/goals/" + goalId, user.auth()).body();
            assertThat(read.path("priority").asText()).isEqualTo("high");
            JsonNode listed = api.get("/api/v1/goals?search=inline", user.auth()).body();
            assertThat(ids(listed)).containsExactly(goalId);

            assertThat(api.delete("/api/v1/goals/" + goalId, user.auth()).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/goals/" + goalId, user.auth()).status()).isEqualTo(404);
            written = row(goalId);
        } finally {
            tracking().start();
        }
        eventually(this::caughtUp);
        assertThat(row(goalId)).isEqualTo(written);
    }

    @Test
    void whatTheInlineWriterCannotApplyTheTrackingProjectionAppliesOnceItCan() {
        User user = register();
        String refused = unique("inline-refused-");
        String constraint = "inline_test_" + Math.abs(refused.hashCode());
        long containedBefore = containment.contained();
        tracking().shutDown();
        String goalId;
        try {
            jdbc.execute("ALTER TABLE goal_view ADD CONSTRAINT " + constraint + " CHECK (text NOT LIKE '"
                    + refused + "%')");
            Api.Response created;
            try {
                created = api.post("/api/v1/goals", Map.of("text", refused), user.auth());
            } finally {
                jdbc.execute("ALTER TABLE goal_view DROP CONSTRAINT " + constraint);
            }
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            goalId = created.header("Location").orElseThrow().replaceAll(".*/", "");
            assertThat(containment.contained()).isEqualTo(containedBefore + 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM goal_view WHERE id = ?", Long.class, goalId))
                    .isZero();

            Api.Response updated = api.put("/api/v1/goals/" + goalId, Map.of("text", "applied later"),
                    user.auth());
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM goal_view WHERE id = ?", Long.class, goalId))
                    .isZero();
        } finally {
            tracking().start();
        }
        eventually(() -> api.get("/api/v1/goals/" + goalId, user.auth()).status() == 200);
        JsonNode read = api.get("/api/v1/goals/" + goalId, user.auth()).body();
        assertThat(read.path("text").asText()).isEqualTo("applied later");
        assertThat(read.path("version").asLong()).isEqualTo(1);
    }
}
