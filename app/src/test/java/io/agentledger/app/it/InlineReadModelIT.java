package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import io.agentledger.axon.processing.inline.InlineFailureContainment;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal, run and approval read models are written in the command's transaction: their writers read
 * each write at once, with the tracking projections stopped; started again, a projection finds every
 * version taken and changes nothing, and what the inline writer could not apply the projection applies.
 */
class InlineReadModelIT extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private InlineFailureContainment containment;

    private StreamingEventProcessor tracking() {
        return processor("goal-summary");
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private String row(String goalId) {
        return row("goal_view", goalId);
    }

    private String row(String table, String id) {
        return jdbc.queryForObject("SELECT t::text FROM " + table + " t WHERE id = ?", String.class, id);
    }

    private boolean caughtUp() {
        return caughtUp(tracking());
    }

    private boolean caughtUp(StreamingEventProcessor processor) {
        long head = ProcessorProgress.head(jdbc);
        return processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()
                && status.getCurrentPosition().orElse(0) >= head);
    }

    @Test
    void theInlineGroupIsSubscribingAndTheProjectionATrackingProcessor() {
        assertThat(processing.eventProcessor("goal-summary-inline")).containsInstanceOf(
                SubscribingEventProcessor.class);
        assertThat(tracking()).isInstanceOf(TrackingEventProcessor.class);
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
    void aRunAndItsApprovalsAreReadAtOnceWithoutTheirTrackingProjections() {
        User user = register();
        StepUps.withFirstBackupCode(api, user.auth());
        assertThat(api.put("/api/v1/system/config", Map.of("settings", Map.of("approvals.deadline_default", "PT2M")),
                user.auth()).status()).isEqualTo(200);
        StreamingEventProcessor runs = processor("run-summary");
        StreamingEventProcessor approvals = processor("approval-directory");
        runs.shutDown();
        approvals.shutDown();
        String approval;
        String decided;
        try {
            String goal = api.post("/api/v1/goals", Map.of("text", "Email the board", "autonomy_level", "L0"),
                    user.auth()).text("id");
            String run = api.post("/api/v1/goals/" + goal + "/start", null, user.auth()).text("run_id");
            Api.Response started = api.get("/api/v1/runs/" + run, user.auth());
            assertThat(started.status()).as(started.toString()).isEqualTo(200);
            assertThat(started.text("goal_id")).isEqualTo(goal);

            // the run's worker requests the approval by a command: its read model is written with it
            eventuallyAsserted(() -> assertThat(api.get("/api/v1/approvals?run_id=" + run, user.auth()).body()
                    .path("total").asInt()).isEqualTo(1));
            approval = ids(api.get("/api/v1/approvals?run_id=" + run, user.auth()).body()).get(0);
            Api.Response rejected = api.post("/api/v1/approvals/" + approval, Map.of("decision", "reject"),
                    user.auth());
            assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
            assertThat(rejected.text("state")).isEqualTo("rejected");
            assertThat(rejected.body().path("version").asLong()).isEqualTo(1);
            eventuallyAsserted(() -> assertThat(api.get("/api/v1/runs/" + run, user.auth()).body()
                    .path("checkpoints").path("executor").path("steps").size()).isEqualTo(1));
            decided = row("approval_view", approval);
        } finally {
            runs.start();
            approvals.start();
        }
        eventually(() -> caughtUp(runs) && caughtUp(approvals));
        assertThat(row("approval_view", approval)).isEqualTo(decided);
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
