package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Goals, runs and approvals read as they were at a past moment or version, rebuilt from their events. */
class TimeTravelIT extends IntegrationTest {

    @Test
    void aGoalIsReadAsItWasAtEachVersionAndMoment() throws InterruptedException {
        User user = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "First words", "priority", "low"), user.auth())
                .text("id");
        Instant afterCreate = pause();
        api.put("/api/v1/goals/" + goal, Map.of("text", "Second words"), user.auth());
        Instant afterRename = pause();
        api.put("/api/v1/goals/" + goal, Map.of("priority", "high"), user.auth());

        JsonNode v0 = api.get("/api/v1/goals/" + goal + "?version=0", user.auth()).body();
        assertThat(v0.path("text").asText()).isEqualTo("First words");
        assertThat(v0.path("priority").asText()).isEqualTo("low");
        assertThat(v0.path("version").asLong()).isZero();
        JsonNode v1 = api.get("/api/v1/goals/" + goal + "?version=1", user.auth()).body();
        assertThat(v1.path("text").asText()).isEqualTo("Second words");
        assertThat(v1.path("priority").asText()).isEqualTo("low");

        assertThat(api.get("/api/v1/goals/" + goal + "?as_of=" + afterCreate, user.auth()).body()).isEqualTo(v0);
        assertThat(api.get("/api/v1/goals/" + goal + "?as_of=" + afterRename, user.auth()).body()).isEqualTo(v1);

        JsonNode now = api.get("/api/v1/goals/" + goal, user.auth()).body();
        assertThat(now.path("priority").asText()).isEqualTo("high");
        assertThat(api.get("/api/v1/goals/" + goal + "?version=2", user.auth()).body()).isEqualTo(now);
        assertThat(api.get("/api/v1/goals/" + goal + "?as_of=" + Instant.now().plusSeconds(60), user.auth()).body())
                .isEqualTo(now);
    }

    @Test
    void beforeItExistedOrPastItsLastVersionAGoalIsNotFound() {
        User user = register();
        Instant before = Instant.now().minusSeconds(1);
        String goal = api.post("/api/v1/goals", Map.of("text", "Young goal"), user.auth()).text("id");

        Api.Response tooEarly = api.get("/api/v1/goals/" + goal + "?as_of=" + before, user.auth());
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.text("detail")).isEqualTo("Goal " + goal + " did not exist at " + before);
        Api.Response noSuchVersion = api.get("/api/v1/goals/" + goal + "?version=5", user.auth());
        assertThat(noSuchVersion.status()).isEqualTo(404);
        assertThat(noSuchVersion.text("detail")).contains("has no version 5");
        assertThat(api.get("/api/v1/goals/goal_01ARZ3NDEKTSV4RRFFQ69G5FAV?version=0", user.auth()).status())
                .isEqualTo(404);
    }

    @Test
    void aDeletedGoalCanStillBeReadAsItWasWhileTheLiveReadModelStaysUntouched() {
        User user = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "Soon deleted"), user.auth()).text("id");
        api.delete("/api/v1/goals/" + goal, user.auth());

        assertThat(api.get("/api/v1/goals/" + goal, user.auth()).status()).isEqualTo(404);
        Api.Response past = api.get("/api/v1/goals/" + goal + "?version=0", user.auth());
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.text("text")).isEqualTo("Soon deleted");
        assertThat(api.get("/api/v1/goals/" + goal + "?version=1", user.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/goals/" + goal, user.auth()).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT deleted FROM goal_view WHERE id = ?", Boolean.class, goal)).isTrue();
    }

    @Test
    void aRunAndItsApprovalAreReadAsTheyWereWhileWaitingForTheDecision() throws InterruptedException {
        User user = register();
        // the tests' 8 s approval deadline can pass under load before the slower reads below are done
        StepUps.withFirstBackupCode(api, user.auth());
        assertThat(api.put("/api/v1/system/config", Map.of("settings", Map.of("approvals.deadline_default", "PT2M")),
                user.auth()).status()).isEqualTo(200);
        String goal = api.post("/api/v1/goals", Map.of("text", "Email the board", "autonomy_level", "L0"),
                user.auth()).text("id");
        String run = api.post("/api/v1/goals/" + goal + "/start", null, user.auth()).text("run_id");
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/approvals?run_id=" + run, user.auth()).body()
                .path("total").asInt()).isEqualTo(1));
        String approval = ids(api.get("/api/v1/approvals?run_id=" + run, user.auth()).body()).get(0);
        Instant waiting = pause();
        api.post("/api/v1/approvals/" + approval, Map.of("decision", "reject", "comments", "not now"), user.auth());
        // the run passes the rejected step and gates the next one at once: wait for that second approval
        eventuallyAsserted(() -> assertThat(ids(api.get("/api/v1/approvals?run_id=" + run + "&state=pending",
                user.auth()).body())).hasSize(1).doesNotContain(approval));
        String second = ids(api.get("/api/v1/approvals?run_id=" + run + "&state=pending", user.auth()).body()).get(0);
        api.post("/api/v1/approvals/" + second, Map.of("decision", "reject"), user.auth());

        JsonNode runThen = api.get("/api/v1/runs/" + run + "?as_of=" + waiting, user.auth()).body();
        assertThat(runThen.path("status").asText()).isEqualTo("paused");
        assertThat(runThen.path("goal").path("status").asText()).isEqualTo("active");
        assertThat(runThen.path("approvals").get(0).path("state").asText()).isEqualTo("pending");
        JsonNode approvalThen = api.get("/api/v1/approvals/" + approval + "?as_of=" + waiting, user.auth()).body();
        assertThat(approvalThen.path("state").asText()).isEqualTo("pending");
        assertThat(approvalThen.path("run").path("status").asText()).isEqualTo("paused");
        JsonNode requested = api.get("/api/v1/approvals/" + approval + "?version=0", user.auth()).body();
        assertThat(requested.path("state").asText()).isEqualTo("pending");
        assertThat(requested.path("created_at")).isEqualTo(approvalThen.path("created_at"));
        assertThat(api.get("/api/v1/goals/" + goal + "?as_of=" + waiting, user.auth()).body().path("runs").get(0)
                .path("status").asText()).isEqualTo("paused");

        eventually(() -> !"active".equals(api.get("/api/v1/goals/" + goal, user.auth()).text("status")));

        JsonNode live = api.get("/api/v1/runs/" + run, user.auth()).body();
        assertThat(live.path("approvals").findValuesAsText("state")).containsExactly("rejected", "rejected");
        assertThat(api.get("/api/v1/runs/" + run + "?as_of=" + Instant.now(), user.auth()).body()).isEqualTo(live);
        JsonNode lastVersion = api.get("/api/v1/runs/" + run + "?version=" + live.path("version").asLong(),
                user.auth()).body();
        assertThat(lastVersion.path("status")).isEqualTo(live.path("status"));
        assertThat(lastVersion.path("checkpoints")).isEqualTo(live.path("checkpoints"));
        // the run's last event is what ended its goal's activity: at that version the goal was still active
        assertThat(lastVersion.path("goal").path("status").asText()).isEqualTo("active");
        assertThat(live.path("goal").path("status").asText()).isNotEqualTo("active");
    }

    @Test
    void anotherTenantCannotTravelIntoTheResource() {
        User owner = register();
        User stranger = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "Mine"), owner.auth()).text("id");

        Api.Response response = api.get("/api/v1/goals/" + goal + "?version=0", stranger.auth());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.toString()).doesNotContain("Mine");
    }

    @Test
    void malformedPointsInTimeAreRefused() {
        User user = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "Checked"), user.auth()).text("id");

        Api.Response both = api.get("/api/v1/goals/" + goal + "?version=0&as_of=" + Instant.now(), user.auth());
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.text("detail")).contains("not both");
        assertThat(api.get("/api/v1/goals/" + goal + "?version=-1", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/runs/run_x?version=abc", user.auth()).status()).isEqualTo(422);
        Api.Response badTime = api.get("/api/v1/approvals/appr_x?as_of=yesterday", user.auth());
        assertThat(badTime.status()).isEqualTo(422);
        assertThat(badTime.text("detail")).contains("as_of");
    }

    /** A moment strictly between two writes (timestamps are millisecond-precise). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }
}
