package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunApiIT extends IntegrationTest {

    private String startRun(User user, String text) {
        String goalId = api.post("/api/v1/goals", Map.of("text", text), user.auth()).text("id");
        return api.post("/api/v1/goals/" + goalId + "/start", null, user.auth()).text("run_id");
    }

    @Test
    void aRunIsListedAndReadWithItsGoal() {
        User user = register();
        String runId = startRun(user, "Runnable goal");
        eventually(() -> api.get("/api/v1/runs/" + runId, user.auth()).status() == 200);

        JsonNode run = api.get("/api/v1/runs/" + runId, user.auth()).body();
        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("created_by").asText()).isEqualTo(user.id());
        assertThat(run.path("graph_version").asText()).isEqualTo("1.0.0");
        assertThat(run.path("goal").path("text").asText()).isEqualTo("Runnable goal");
        assertThat(run.path("checkpoints").isObject()).isTrue();
        assertThat(run.path("metrics").has("tokens_used")).isTrue();
        assertThat(run.path("approvals").isArray()).isTrue();

        String goalId = run.path("goal_id").asText();
        assertThat(api.get("/api/v1/runs?goal_id=" + goalId, user.auth()).body().path("items")
                .findValuesAsText("id")).containsExactly(runId);
        assertThat(api.get("/api/v1/runs?created_by=" + user.id(), user.auth()).body().path("total").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/runs?status=completed&goal_id=" + goalId, user.auth()).body().path("total")
                .asInt()).isZero();
        assertThat(api.get("/api/v1/runs?status=bogus", user.auth()).status()).isEqualTo(422);
    }

    @Test
    void pauseResumeAndCancelFollowTheLifecycleAndRefuseNonsenseWith409() {
        User user = register();
        String runId = startRun(user, "Lifecycle");

        Api.Response paused = api.post("/api/v1/runs/" + runId + "/pause", null, user.auth());
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.text("status")).isEqualTo("paused");
        Api.Response pausedAgain = api.post("/api/v1/runs/" + runId + "/pause", null, user.auth());
        assertThat(pausedAgain.status()).isEqualTo(409);
        assertThat(pausedAgain.text("detail")).contains("current status: paused");

        Api.Response resumed = api.post("/api/v1/runs/" + runId + "/resume", null, user.auth());
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("pending");

        Api.Response cancelled = api.delete("/api/v1/runs/" + runId, user.auth());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(cancelled.text("completed_at")).isNotBlank();
        Api.Response resumeCancelled = api.post("/api/v1/runs/" + runId + "/resume", null, user.auth());
        assertThat(resumeCancelled.status()).isEqualTo(409);
        assertThat(resumeCancelled.text("detail")).contains("current status: cancelled");
        Api.Response cancelledAgain = api.delete("/api/v1/runs/" + runId, user.auth());
        assertThat(cancelledAgain.status()).isEqualTo(409);
    }

    @Test
    void anotherTenantNeverSeesTheRun() {
        User owner = register();
        User stranger = register();
        String runId = startRun(owner, "Private run");
        eventually(() -> api.get("/api/v1/runs/" + runId, owner.auth()).status() == 200);

        assertThat(api.get("/api/v1/runs/" + runId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/runs/" + runId + "/pause", null, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/runs/" + runId + "/resume", null, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/runs/" + runId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/runs", stranger.auth()).body().path("items").findValuesAsText("id"))
                .doesNotContain(runId);
    }
}
