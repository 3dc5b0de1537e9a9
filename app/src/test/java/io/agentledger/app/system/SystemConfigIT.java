package io.agentledger.app.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SystemConfigIT extends IntegrationTest {

    /** The founder of a new tenant (an admin), stepped up with a backup code. */
    private User steppedUpAdmin() {
        User admin = register();
        StepUps.withFirstBackupCode(api, admin.auth());
        return admin;
    }

    private JsonNode modify(User admin, Map<String, Object> changes) {
        Api.Response modified = api.post("/api/v1/system/modify", Map.of("type", "system_setting",
                "description", "tune " + changes.keySet(), "changes", changes, "impact_assessment", "low"),
                admin.auth());
        assertThat(modified.status()).as(modified.toString()).isEqualTo(201);
        return modified.body();
    }

    private JsonNode settings(User user, String query) {
        return api.get("/api/v1/system/config" + query, user.auth()).body().path("settings");
    }

    private long history(User user) {
        return api.get("/api/v1/system/modifications", user.auth()).body().path("total").asLong();
    }

    @Test
    void aModificationRecordsBeforeAndAfterOfItsKeysAndTakesEffectAtOnce() {
        User admin = steppedUpAdmin();
        assertThat(api.post("/api/v1/goals", Map.of("text", "Before"), admin.auth()).text("autonomy_level"))
                .isEqualTo("L2");

        JsonNode modification = modify(admin, Map.of("goals.default_autonomy_level", "L0"));

        assertThat(modification.path("type").asText()).isEqualTo("system_setting");
        assertThat(modification.path("before_state").toString()).as("never set: inherited")
                .isEqualTo("{\"goals.default_autonomy_level\":null}");
        assertThat(modification.path("after_state").toString()).isEqualTo("{\"goals.default_autonomy_level\":\"L0\"}");
        assertThat(modification.path("applied_by").asText()).isEqualTo(admin.id());
        assertThat(modification.path("impact_assessment").asText()).isEqualTo("low");
        assertThat(modification.path("rollback_available").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/goals", Map.of("text", "After"), admin.auth()).text("autonomy_level"))
                .as("the new default applies to the next goal, without a restart").isEqualTo("L0");
        assertThat(api.post("/api/v1/goals", Map.of("text", "Other tenant"), register().auth())
                .text("autonomy_level")).isEqualTo("L2");

        Api.Response put = api.put("/api/v1/system/config", Map.of("settings", Map.of("agents.max_steps", 30)),
                admin.auth());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.body().path("type").asText()).isEqualTo("system_setting");
        assertThat(settings(admin, "").path("agents.max_steps").asInt()).isEqualTo(30);
        assertThat(api.get("/api/v1/system/modifications?type=system_setting&applied_by=" + admin.id(),
                admin.auth()).body().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void invalidUnauthorisedOrUnsteppedChangesAreRefusedAndChangeNothing() {
        User admin = steppedUpAdmin();
        Api.Response negative = api.post("/api/v1/system/modify", Map.of("type", "system_setting", "description",
                "x", "changes", Map.of("rate_limits.read", -1)), admin.auth());
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.text("detail")).startsWith("changes.rate_limits.read: must be between 1 and 1000000");
        Api.Response unknown = api.post("/api/v1/system/modify", Map.of("type", "system_setting", "description",
                "x", "changes", Map.of("no.such", true)), admin.auth());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("detail")).isEqualTo("changes.no.such: no such setting");
        assertThat(api.post("/api/v1/system/modify", Map.of("type", "rollback", "description", "x", "changes",
                Map.of("agents.max_steps", 3)), admin.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/system/rollback", Map.of("modification_id", "mod_x"), admin.auth()).status())
                .as("a reason is required").isEqualTo(422);

        User notSteppedUp = register();
        Api.Response refused = api.post("/api/v1/system/modify", Map.of("type", "system_setting", "description",
                "x", "changes", Map.of("agents.max_steps", 3)), notSteppedUp.auth());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("STEP_UP_REQUIRED");

        User member = invite(admin, "user");
        assertThat(api.post("/api/v1/system/modify", Map.of("type", "system_setting", "description", "x",
                "changes", Map.of("agents.max_steps", 3)), member.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/system/modifications", member.auth()).status()).isEqualTo(403);
        User auditor = invite(admin, "auditor");
        assertThat(api.get("/api/v1/system/modifications", auditor.auth()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/system/rollback", Map.of("to", "2020-01-01T00:00:00Z", "reason", "x"),
                auditor.auth()).status()).isEqualTo(403);
        assertThat(history(admin)).isZero();
        assertThat(api.get("/api/v1/system/config", admin.auth()).body().path("sources").path("rate_limits.read")
                .asText()).isEqualTo("default");
    }

    @Test
    void rollbacksConflictCascadeDryRunAndCanThemselvesBeRolledBack() {
        User admin = steppedUpAdmin();
        long inheritedRead = settings(admin, "").path("rate_limits.read").asLong();
        long inheritedWrite = settings(admin, "").path("rate_limits.write").asLong();
        JsonNode first = modify(admin, Map.of("rate_limits.read", 100));
        JsonNode second = modify(admin, Map.of("rate_limits.read", 200, "rate_limits.write", 50));
        JsonNode unrelated = modify(admin, Map.of("agents.max_steps", 30));
        String firstId = first.path("id").asText();
        String secondId = second.path("id").asText();

        Api.Response conflict = api.post("/api/v1/system/rollback", Map.of("modification_id", firstId,
                "reason", "too strict"), admin.auth());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("detail")).contains(secondId).doesNotContain(unrelated.path("id").asText());

        Api.Response dryRun = api.post("/api/v1/system/rollback", Map.of("modification_id", firstId,
                "reason", "too strict", "cascade", true, "dry_run", true), admin.auth());
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.body().path("rolled_back").toString()).isEqualTo("[\"" + secondId + "\",\"" + firstId + "\"]");
        assertThat(dryRun.body().path("diff").path("rate_limits.read").toString())
                .as("back to inheriting").isEqualTo("{\"before\":200,\"after\":null}");
        assertThat(dryRun.body().path("diff").path("rate_limits.write").toString())
                .isEqualTo("{\"before\":50,\"after\":null}");
        assertThat(settings(admin, "").path("rate_limits.read").asInt()).as("a dry run applies nothing")
                .isEqualTo(200);
        assertThat(history(admin)).isEqualTo(3);

        Api.Response cascade = api.post("/api/v1/system/rollback", Map.of("modification_id", firstId,
                "reason", "too strict", "cascade", true), admin.auth());
        assertThat(cascade.status()).as(cascade.toString()).isEqualTo(201);
        JsonNode settings = settings(admin, "");
        assertThat(settings.path("rate_limits.read").asLong()).isEqualTo(inheritedRead);
        assertThat(settings.path("rate_limits.write").asLong()).isEqualTo(inheritedWrite);
        assertThat(settings.path("agents.max_steps").asInt()).isEqualTo(30);
        JsonNode rollbackOfFirst = cascade.body().path("modifications").get(1);
        assertThat(rollbackOfFirst.path("type").asText()).isEqualTo("rollback");
        assertThat(rollbackOfFirst.path("reason").asText()).isEqualTo("too strict");
        assertThat(rollbackOfFirst.path("rolls_back").toString()).isEqualTo("[\"" + firstId + "\"]");
        JsonNode firstNow = api.get("/api/v1/system/modifications/" + firstId, admin.auth()).body();
        assertThat(firstNow.path("rollback_available").asBoolean()).isFalse();
        assertThat(firstNow.path("rolled_back_by").asText()).isEqualTo(rollbackOfFirst.path("id").asText());
        assertThat(api.post("/api/v1/system/rollback", Map.of("modification_id", firstId, "reason", "again"),
                admin.auth()).status()).as("already rolled back").isEqualTo(409);

        Api.Response reapplied = api.post("/api/v1/system/rollback", Map.of("modification_id",
                rollbackOfFirst.path("id").asText(), "reason", "it was right after all"), admin.auth());
        assertThat(reapplied.status()).as(reapplied.toString()).isEqualTo(201);
        assertThat(settings(admin, "").path("rate_limits.read").asInt()).as("rolling back a rollback re-applies")
                .isEqualTo(100);

        String afterFirst = first.path("applied_at").asText();
        JsonNode then = settings(admin, "?as_of=" + afterFirst);
        assertThat(then.path("rate_limits.read").asInt()).isEqualTo(100);
        assertThat(then.path("rate_limits.write").asLong()).isEqualTo(inheritedWrite);
        assertThat(then.path("agents.max_steps").asInt()).isEqualTo(20);

        Api.Response back = api.post("/api/v1/system/rollback", Map.of("to", afterFirst, "reason", "as it was"),
                admin.auth());
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
        assertThat(settings(admin, "").toString()).isEqualTo(then.toString());
        assertThat(api.get("/api/v1/system/modifications?type=rollback", admin.auth()).body().path("total")
                .asLong()).isEqualTo(4);
    }

    @Test
    void anotherTenantSeesAndRollsBackNothingOfIt() {
        User admin = steppedUpAdmin();
        String id = modify(admin, Map.of("features.connectors", false)).path("id").asText();
        User stranger = steppedUpAdmin();

        assertThat(api.get("/api/v1/system/modifications/" + id, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/system/rollback", Map.of("modification_id", id, "reason", "mine now"),
                stranger.auth()).status()).isEqualTo(404);
        assertThat(history(stranger)).isZero();
        assertThat(settings(stranger, "").path("features.connectors").asBoolean()).isTrue();
        assertThat(settings(admin, "").path("features.connectors").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/system/config?as_of=yesterday", admin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/system/config/schema", admin.auth()).body().findValuesAsText("key"))
                .contains("features.connectors", "agents.max_steps");
    }
}
