package io.agentledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogIT extends IntegrationTest {

    private JsonNode logs(User user, String query) {
        Api.Response response = api.get("/api/v1/audit/logs" + query, user.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** Such a refusal once did not fit audit_log.resource_id and stopped the audit log for every tenant. */
    @Test
    void aRefusedRequestWithAnOverlongPathIsRecordedAndTheAuditLogKeepsGoing() {
        User attacker = register();
        User bystander = register();
        String longId = "g".repeat(600);
        Api.Response refused = api.put("/api/v1/goals/" + longId, Map.of("priority", "urgent-ish"),
                attacker.auth());
        assertThat(refused.status()).isIn(400, 422);

        String goalId = api.post("/api/v1/goals", Map.of("text", "after the attack"), bystander.auth()).text("id");

        eventually(() -> logs(bystander, "?resource_id=" + goalId).path("total").asInt() == 1);
        eventually(() -> logs(attacker, "?action=request.reject").path("total").asInt() == 1);
        JsonNode entry = logs(attacker, "?action=request.reject").path("items").get(0);
        assertThat(entry.path("success").asBoolean()).isFalse();
        assertThat(entry.path("resource_id").asText()).hasSize(200).startsWith("/api/v1/goals/ggg");
        assertThat(logs(bystander, "?action=request.reject").path("total").asInt()).isZero();
    }

    @Test
    void everyActionIsOnRecordWithWhoAndFromWhere() {
        User admin = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "Audited"), admin.auth("User-Agent",
                "auditor-test/2.0")).text("id");
        api.put("/api/v1/goals/" + goalId, Map.of("priority", "high"), admin.auth());

        eventually(() -> logs(admin, "?resource_id=" + goalId).path("total").asInt() == 2);
        JsonNode entries = logs(admin, "?resource_id=" + goalId).path("items");
        assertThat(entries.findValuesAsText("action")).containsExactly("goal.update", "goal.create");
        JsonNode created = entries.get(1);
        assertThat(created.path("user_id").asText()).isEqualTo(admin.id());
        assertThat(created.path("tenant_id").asText()).isEqualTo(admin.tenantId());
        assertThat(created.path("resource_type").asText()).isEqualTo("goal");
        assertThat(created.path("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(created.path("user_agent").asText()).isEqualTo("auditor-test/2.0");
        assertThat(created.path("success").asBoolean()).isTrue();
        assertThat(created.path("details").path("text").asText()).isEqualTo("Audited");
        assertThat(logs(admin, "?action=auth.login&user_id=" + admin.id()).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void refusedAttemptsAreOnRecordAsFailures() {
        User admin = register();
        User auditor = invite(admin, "auditor");
        api.post("/api/v1/goals", Map.of("text", "not allowed"), auditor.auth());
        api.post("/api/v1/auth/login", Map.of("email", admin.email(), "password", "wrong password!!"));

        eventually(() -> logs(admin, "?success=false").path("total").asInt() == 2);
        JsonNode failures = logs(admin, "?success=false").path("items");
        assertThat(failures.findValuesAsText("action")).containsExactlyInAnyOrder("request.reject", "auth.login");
        JsonNode rejected = failures.findParents("action").stream()
                .filter(entry -> entry.path("action").asText().equals("request.reject")).findFirst().orElseThrow();
        assertThat(rejected.path("user_id").asText()).isEqualTo(auditor.id());
        assertThat(rejected.path("error_message").asText()).startsWith("403 FORBIDDEN");
        assertThat(rejected.path("resource_id").asText()).isEqualTo("/api/v1/goals");
        assertThat(rejected.path("details").toString()).doesNotContain("not allowed");
    }

    @Test
    void filtersByDateAndPagesNewestFirst() {
        User admin = register();
        Instant before = Instant.now();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/goals", Map.of("text", "page " + i), admin.auth());
        }
        eventually(() -> logs(admin, "?action=goal.create").path("total").asInt() == 3);
        JsonNode first = logs(admin, "?action=goal.create&size=2&page=1");
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(first.path("pages").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("details").path("text").asText()).isEqualTo("page 2");
        assertThat(logs(admin, "?action=goal.create&date_from=" + Instant.now().plusSeconds(60)).path("total")
                .asInt()).isZero();
        assertThat(logs(admin, "?action=goal.create&date_from=" + before).path("total").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/audit/logs?date_from=yesterday", admin.auth()).status()).isEqualTo(422);
    }

    @Test
    void usersSeeTheirOwnActionsAuditorsTheTenantsAndNobodyAnotherTenants() {
        User admin = register();
        User member = invite(admin, "user");
        User auditor = invite(admin, "auditor");
        User stranger = register();
        api.post("/api/v1/goals", Map.of("text", "by admin"), admin.auth());
        api.post("/api/v1/goals", Map.of("text", "by member"), member.auth());
        eventually(() -> logs(auditor, "?action=goal.create").path("total").asInt() == 2);

        assertThat(logs(member, "?action=goal.create").path("items").findValuesAsText("user_id"))
                .containsOnly(member.id());
        assertThat(logs(member, "").path("items").findValuesAsText("user_id")).containsOnly(member.id());
        assertThat(logs(stranger, "?action=goal.create").path("total").asInt()).isZero();
        assertThat(logs(stranger, "?user_id=" + admin.id()).path("total").asInt()).isZero();
    }

    @Test
    void aRunsTrailListsItsStepsInOrder() {
        User admin = register();
        String goalId = api.post("/api/v1/goals", Map.of("text", "Research the market for e-bikes",
                "autonomy_level", "L3"), admin.auth()).text("id");
        String runId = api.post("/api/v1/goals/" + goalId + "/start", null, admin.auth()).text("run_id");
        eventually(() -> "completed".equals(api.get("/api/v1/runs/" + runId, admin.auth()).text("status")));
        eventually(() -> api.get("/api/v1/audit/runs/" + runId, admin.auth()).body().path("logs")
                .findValuesAsText("action").contains("run.complete"));

        JsonNode trail = api.get("/api/v1/audit/runs/" + runId, admin.auth()).body();
        assertThat(trail.path("run_id").asText()).isEqualTo(runId);
        List<String> actions = trail.path("logs").findValuesAsText("action");
        assertThat(actions.get(0)).isEqualTo("run.create");
        assertThat(actions).containsSubsequence("run.start", "run.node_start", "run.step", "run.complete");
        assertThat(trail.path("logs").get(2).path("node").asText()).isEqualTo("intent_router");
        assertThat(trail.path("logs").get(0).has("timestamp")).isTrue();
        assertThat(api.get("/api/v1/audit/runs/" + runId, register().auth()).status())
                .as("another tenant learns nothing of the run").isEqualTo(404);
        assertThat(api.get("/api/v1/audit/runs/run_unknown", admin.auth()).status()).isEqualTo(404);
    }
}
