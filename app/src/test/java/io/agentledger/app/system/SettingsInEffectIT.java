package io.agentledger.app.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each setting changes behaviour on the next request, without a restart. */
class SettingsInEffectIT extends IntegrationTest {

    private static final String RESEARCH = "Research the market for electric bikes";

    private User steppedUpAdmin() {
        User admin = register();
        StepUps.withFirstBackupCode(api, admin.auth());
        return admin;
    }

    private void set(User admin, Map<String, Object> settings) {
        Api.Response put = api.put("/api/v1/system/config", Map.of("settings", settings), admin.auth());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private String start(User user, String autonomy) {
        String goal = api.post("/api/v1/goals", Map.of("text", RESEARCH, "autonomy_level", autonomy), user.auth())
                .text("id");
        Api.Response started = api.post("/api/v1/goals/" + goal + "/start", null, user.auth());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.text("run_id");
    }

    @Test
    void theCostThresholdAndDeadlineApplyToTheNextApproval() {
        User admin = steppedUpAdmin();
        set(admin, Map.of("approvals.cost_threshold", 0, "approvals.deadline_default", "PT30M"));

        String run = start(admin, "L2");
        Instant started = Instant.now();
        eventually(() -> api.get("/api/v1/approvals?run_id=" + run, admin.auth()).body().path("total").asInt() == 1);
        JsonNode approval = api.get("/api/v1/approvals?run_id=" + run, admin.auth()).body().path("items").get(0);
        assertThat(approval.path("state").asText()).isEqualTo("pending");
        assertThat(Instant.parse(approval.path("deadline").asText()))
                .as("the tenant's 30 minutes, not the deployment's 8 seconds")
                .isBetween(started.plus(Duration.ofMinutes(29)), started.plus(Duration.ofMinutes(31)));
        assertThat(api.delete("/api/v1/runs/" + run, admin.auth()).status()).isEqualTo(200);
    }

    @Test
    void planSizeDailySpendAndConnectorsFollowTheirSettings() {
        User admin = steppedUpAdmin();
        set(admin, Map.of("agents.max_steps", 1));
        String run = start(admin, "L3");
        eventually(() -> "failed".equals(api.get("/api/v1/runs/" + run, admin.auth()).text("status")));
        assertThat(api.get("/api/v1/runs/" + run, admin.auth()).text("error_message"))
                .contains("The plan has 2 steps; the setting agents.max_steps allows 1");
        JsonNode warnings = api.get("/api/v1/system/logs?level=WARN&logger=io.agentledger", platformAdmin().auth())
                .body();
        assertThat(warnings.path("items").findValuesAsText("message")).anyMatch(message -> message.contains(run));

        set(admin, Map.of("cost.daily_limit", 0));
        String goal = api.post("/api/v1/goals", Map.of("text", RESEARCH), admin.auth()).text("id");
        Api.Response refused = api.post("/api/v1/goals/" + goal + "/start", null, admin.auth());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("detail")).contains("cost.daily_limit");
        assertThat(api.get("/api/v1/goals/" + goal, admin.auth()).text("status")).isEqualTo("draft");

        Api.Response on = api.get("/api/v1/connectors/example/oauth/start", admin.auth());
        assertThat(on.status()).as("past the flag: the provider itself is unknown").isEqualTo(404);
        assertThat(on.text("detail")).doesNotContain("features.connectors");
        set(admin, Map.of("features.connectors", false));
        Api.Response off = api.get("/api/v1/connectors/example/oauth/start", admin.auth());
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.text("detail")).contains("features.connectors");
    }
}
