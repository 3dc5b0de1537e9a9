package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunApiIT extends IntegrationTest {

    /** At autonomy L0 every tool action waits for approval, so the run stops at its first step. */
    private String startGatedRun(User user, String text) {
        String goalId = api.post("/api/v1/goals", Map.of("text", text, "autonomy_level", "L0"), user.auth())
                .text("id");
        String runId = api.post("/api/v1/goals/" + goalId + "/start", null, user.auth()).text("run_id");
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/runs/" + runId, user.auth()).text("status"))
                .as(() -> api.get("/api/v1/runs/" + runId, user.auth()).toString()).isEqualTo("paused"));
        return runId;
    }

    @Test
    void aRunIsListedAndReadWithItsGoal() {
        User user = register();
        String runId = startGatedRun(user, "Runnable goal");

        JsonNode run = api.get("/api/v1/runs/" + runId, user.auth()).body();
        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("created_by").asText()).isEqualTo(user.id());
        assertThat(run.path("graph_version").asText()).isEqualTo("1.0.0");
        assertThat(run.path("goal").path("text").asText()).isEqualTo("Runnable goal");
        assertThat(run.path("checkpoints").isObject()).isTrue();
        assertThat(run.path("metrics").has("tokens_used")).isTrue();
        assertThat(run.path("approvals").isArray()).isTrue();

        String goalId = run.path("goal_id").asText();
        assertThat(ids(api.get("/api/v1/runs?goal_id=" + goalId, user.auth()).body())).containsExactly(runId);
        assertThat(api.get("/api/v1/runs?created_by=" + user.id(), user.auth()).body().path("total").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/runs?status=completed&goal_id=" + goalId, user.auth()).body().path("total")
                .asInt()).isZero();
        assertThat(api.get("/api/v1/runs?status=paused&goal_id=" + goalId, user.auth()).body().path("total")
                .asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/runs?status=bogus", user.auth()).status()).isEqualTo(422);
    }

    @Test
    void aRunWaitingForApprovalRefusesPauseAndResumeWith409AndCanBeCancelled() {
        User user = register();
        String runId = startGatedRun(user, "Lifecycle");

        Api.Response pausedAgain = api.post("/api/v1/runs/" + runId + "/pause", null, user.auth());
        assertThat(pausedAgain.status()).isEqualTo(409);
        assertThat(pausedAgain.text("detail")).contains("current status: paused");
        Api.Response resumeWaiting = api.post("/api/v1/runs/" + runId + "/resume", null, user.auth());
        assertThat(resumeWaiting.status()).isEqualTo(409);
        assertThat(resumeWaiting.text("detail")).contains("waiting for an approval");

        Api.Response cancelled = api.delete("/api/v1/runs/" + runId, user.auth());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(cancelled.text("completed_at")).isNotBlank();
        Api.Response resumeCancelled = api.post("/api/v1/runs/" + runId + "/resume", null, user.auth());
        assertThat(resumeCancelled.status()).isEqualTo(409);
        assertThat(resumeCancelled.text("detail")).contains("current status: cancelled");
        Api.Response cancelledAgain = api.delete("/api/v1/runs/" + runId, user.auth());
        assertThat(cancelledAgain.status()).isEqualTo(409);
        String goalId = cancelled.text("goal_id");
        eventually(() -> "draft".equals(api.get("/api/v1/goals/" + goalId, user.auth()).text("status")));
    }

    @Test
    void anotherTenantNeverSeesTheRun() {
        User owner = register();
        User stranger = register();
        String runId = startGatedRun(owner, "Private run");

        assertThat(api.get("/api/v1/runs/" + runId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/runs/" + runId + "/pause", null, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/runs/" + runId + "/resume", null, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/runs/" + runId, stranger.auth()).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/runs", stranger.auth()).body()))
                .doesNotContain(runId);
    }
}
