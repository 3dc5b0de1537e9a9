package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Goals run through intent_router, planner, executor and summarizer, stopping where autonomy says. */
class RunEngineIT extends IntegrationTest {

    private record Started(String goalId, String runId) {
    }

    private Started start(User user, String text, String level) {
        String goalId = api.post("/api/v1/goals", Map.of("text", text, "autonomy_level", level), user.auth())
                .text("id");
        Api.Response started = api.post("/api/v1/goals/" + goalId + "/start", null, user.auth());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return new Started(goalId, started.text("run_id"));
    }

    private JsonNode runWhen(User user, String runId, String status) {
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/runs/" + runId, user.auth()).text("status"))
                .as(() -> api.get("/api/v1/runs/" + runId, user.auth()).toString()).isEqualTo(status));
        return api.get("/api/v1/runs/" + runId, user.auth()).body();
    }

    private JsonNode pendingApproval(User user, String runId) {
        JsonNode run = runWhen(user, runId, "paused");
        assertThat(run.path("current_node").asText()).isEqualTo("executor");
        JsonNode pending = api.get("/api/v1/approvals?state=pending&run_id=" + runId, user.auth()).body();
        assertThat(pending.path("total").asInt()).isEqualTo(1);
        return pending.path("items").get(0);
    }

    private List<Map<String, Object>> outbox(String runId) {
        return jdbc.queryForList("SELECT channel, payload::text AS payload FROM tool_outbox WHERE run_id = ? "
                + "ORDER BY idempotency_key", runId);
    }

    private static List<String> toolsOf(JsonNode run) {
        return run.path("checkpoints").path("executor").path("steps").findValuesAsText("tool");
    }

    @Test
    void atL3AGoalRunsToCompletionWithEveryStepOnRecord() {
        User user = register();
        Started started = start(user, "Research the market for electric scooters", "L3");
        JsonNode run = runWhen(user, started.runId(), "completed");

        assertThat(run.path("checkpoints").has("intent_router")).isTrue();
        assertThat(run.path("checkpoints").path("intent_router").path("result").path("intent").asText())
                .isEqualTo("research");
        assertThat(run.path("checkpoints").path("planner").path("result").path("tasks").size()).isEqualTo(2);
        assertThat(toolsOf(run)).containsExactly("web_search", "create_document");
        assertThat(run.path("checkpoints").path("summarizer").path("status").asText()).isEqualTo("completed");
        assertThat(run.path("metrics").path("execution_time").asDouble()).isPositive();
        assertThat(run.path("started_at").asText()).isNotBlank();
        assertThat(run.path("completed_at").asText()).isNotBlank();
        assertThat(run.path("approvals")).isEmpty();

        eventually(() -> "completed".equals(api.get("/api/v1/goals/" + started.goalId(), user.auth()).text("status")));
        JsonNode goal = api.get("/api/v1/goals/" + started.goalId(), user.auth()).body();
        assertThat(goal.path("summary").asText()).contains("2 of 2 planned steps executed");
        assertThat(goal.path("artifacts").size()).isEqualTo(1);
        assertThat(goal.path("tasks").findValuesAsText("status")).containsExactly("completed", "completed");
        assertThat(goal.path("tasks").get(0).path("tool_refs").get(0).asText()).isEqualTo("web_search");
        assertThat(outbox(started.runId())).extracting(row -> row.get("channel")).containsExactly("document");
    }

    @Test
    void atL2ExternalCommunicationWaitsForApprovalAndRunsOnceApproved() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        JsonNode approval = pendingApproval(user, started.runId());
        assertThat(approval.path("action").asText()).isEqualTo("send_email");
        assertThat(approval.path("payload").path("to").asText()).isEqualTo("team@example.com");
        assertThat(approval.path("deadline").asText()).isNotBlank();
        assertThat(outbox(started.runId())).extracting(row -> row.get("channel")).containsExactly("document");

        Api.Response decided = api.post("/api/v1/approvals/" + approval.path("id").asText(),
                Map.of("decision", "approve", "comments", "go"), user.auth());
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.text("state")).isEqualTo("approved");
        assertThat(decided.text("decided_by")).isEqualTo(user.id());
        assertThat(decided.body().path("run").path("id").asText()).isEqualTo(started.runId());

        runWhen(user, started.runId(), "completed");
        assertThat(outbox(started.runId())).extracting(row -> row.get("channel"))
                .containsExactly("document", "email");
        assertThat(api.post("/api/v1/approvals/" + approval.path("id").asText(), Map.of("decision", "reject"),
                user.auth()).status()).isEqualTo(409);
    }

    @Test
    void anEditedApprovalRunsTheEditedPayloadAndRecordsWhatChanged() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        String approvalId = pendingApproval(user, started.runId()).path("id").asText();

        Api.Response edited = api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "edit",
                "comments", "only the leads", "payload", Map.of("to", "leads@example.com", "subject", "Launch",
                        "body", "Short note")), user.auth());
        assertThat(edited.text("state")).isEqualTo("edited");
        assertThat(edited.body().path("changes").path("to").path("before").asText()).isEqualTo("team@example.com");
        assertThat(edited.body().path("changes").path("to").path("after").asText()).isEqualTo("leads@example.com");

        runWhen(user, started.runId(), "completed");
        assertThat(outbox(started.runId()).get(1).get("payload").toString()).contains("leads@example.com")
                .doesNotContain("team@example.com");
    }

    @Test
    void aRejectedActionIsSkippedAndTheRunGoesOnWithoutIt() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        String approvalId = pendingApproval(user, started.runId()).path("id").asText();

        api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "reject", "comments", "not now"), user.auth());

        JsonNode run = runWhen(user, started.runId(), "completed");
        assertThat(run.path("checkpoints").path("executor").path("steps").findValuesAsText("outcome"))
                .containsExactly("executed", "skipped");
        assertThat(outbox(started.runId())).extracting(row -> row.get("channel")).containsExactly("document");
        eventually(() -> api.get("/api/v1/goals/" + started.goalId(), user.auth()).body().path("tasks")
                .findValuesAsText("status").equals(List.of("completed", "skipped")));
    }

    @Test
    void atL1SideEffectsWaitButReadingDoesNot() {
        User user = register();
        Started started = start(user, "Research the market for electric scooters", "L1");
        JsonNode approval = pendingApproval(user, started.runId());
        assertThat(approval.path("action").asText()).isEqualTo("create_document");
        assertThat(toolsOf(api.get("/api/v1/runs/" + started.runId(), user.auth()).body()))
                .containsExactly("web_search");
    }

    @Test
    void atL0EvenReadingWaits() {
        User user = register();
        Started started = start(user, "Research the market for electric scooters", "L0");
        assertThat(pendingApproval(user, started.runId()).path("action").asText()).isEqualTo("web_search");
        assertThat(toolsOf(api.get("/api/v1/runs/" + started.runId(), user.auth()).body())).isEmpty();
    }

    @Test
    void anUndecidedApprovalExpiresAndFailsTheRunWithAClearMessage() {
        User user = register();
        Started started = start(user, "Email the team about the launch", "L2");
        String approvalId = pendingApproval(user, started.runId()).path("id").asText();

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                "failed".equals(api.get("/api/v1/runs/" + started.runId(), user.auth()).text("status")));
        JsonNode run = api.get("/api/v1/runs/" + started.runId(), user.auth()).body();
        assertThat(run.path("error_message").asText()).contains(approvalId).contains("expired");
        eventually(() -> "expired".equals(api.get("/api/v1/approvals/" + approvalId, user.auth()).text("state")));
        eventually(() -> "draft".equals(api.get("/api/v1/goals/" + started.goalId(), user.auth()).text("status")));
        assertThat(api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "approve"), user.auth()).status())
                .isEqualTo(409);
        assertThat(outbox(started.runId())).extracting(row -> row.get("channel")).containsExactly("document");
    }

    @Test
    void onlyHoldersOfWriteApprovalsDecideAndOtherTenantsSeeNothing() {
        User owner = register();
        Started started = start(owner, "Email the team about the launch", "L2");
        String approvalId = pendingApproval(owner, started.runId()).path("id").asText();
        String name = unique("aud");
        String token = api.post("/api/v1/users/invitations", Map.of("email", name + "@example.com",
                "role", "auditor"), owner.auth()).text("invitation_token");
        String auditorToken = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", PASSWORD, "full_name", "Aud", "invitation_token", token))
                .text("access_token");
        User stranger = register();

        assertThat(api.get("/api/v1/approvals/" + approvalId, "Authorization", "Bearer " + auditorToken).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "approve"), "Authorization",
                "Bearer " + auditorToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/approvals/" + approvalId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "approve"), stranger.auth())
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "maybe"), owner.auth()).status())
                .isEqualTo(422);
        assertThat(api.post("/api/v1/approvals/" + approvalId, Map.of("decision", "edit"), owner.auth()).status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/approvals/" + approvalId, owner.auth()).text("state")).isEqualTo("pending");
    }
}
