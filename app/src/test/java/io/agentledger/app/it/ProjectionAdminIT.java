package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionAdminIT extends IntegrationTest {

    @Test
    void projectionsShowWhereTheyStandAgainstTheHead() {
        User admin = platformAdmin();
        JsonNode items = api.get("/api/v1/admin/projections", admin.auth()).body().path("items");
        assertThat(items.findValuesAsText("name")).containsExactly("goal-summary", "run-summary",
                "approval-directory", "user-directory", "api-key-directory", "audit-log", "memory-directory", "memory-search",
                "agent-memory", "agent-directory", "workflow-directory", "mcp-servers", "task-directory",
                "automation-directory", "voice-directory");
        JsonNode goals = items.get(0);
        assertThat(goals.path("head").asLong()).isPositive();
        assertThat(goals.path("lag").asLong()).isEqualTo(goals.path("head").asLong() - goals.path("position").asLong());
    }

    @Test
    void aReplayRebuildsTheSameRowsWhileTheServiceKeepsAnswering() {
        User admin = platformAdmin();
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/goals", Map.of("text", "replayed " + i), admin.auth());
        }
        eventually(() -> api.get("/api/v1/admin/projections/goal-summary", admin.auth()).body().path("lag")
                .asLong() == 0);
        List<String> before = dump(admin);

        Api.Response started = api.post("/api/v1/admin/projections/goal-summary/replay", null, admin.auth());
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("replay_started_at")).isNotBlank();
        assertThat(api.get("/api/v1/goals", admin.auth()).status()).isEqualTo(200);
        assertThat(before).hasSize(5);

        eventually(() -> {
            JsonNode progress = api.get("/api/v1/admin/projections/goal-summary", admin.auth()).body();
            return progress.path("lag").asLong() == 0 && progress.path("caught_up").asBoolean();
        });
        eventuallyAsserted(() -> assertThat(dump(admin)).isEqualTo(before));
    }

    @Test
    void projectionsReplayedTogetherAreRebuiltInOneReadOfTheStore() {
        User admin = platformAdmin();
        User owner = registerSteppedUp();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/goals", Map.of("text", "rebuilt together " + i), owner.auth());
        }
        List<String> together = List.of("goal-summary", "audit-log", "user-directory");
        eventually(() -> together.stream().allMatch(name -> api.get("/api/v1/admin/projections/" + name,
                admin.auth()).body().path("lag").asLong() == 0));
        List<String> goals = dump(owner);
        List<String> audit = auditRows(owner);
        assertThat(goals).hasSize(3);
        long head = api.get("/api/v1/admin/projections/goal-summary", admin.auth()).body().path("head").asLong();

        Api.Response started = api.post("/api/v1/admin/projections/replay", Map.of("projections", together),
                admin.auth());

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().path("items").findValuesAsText("name")).containsExactlyElementsOf(together);
        assertThat(started.body().path("items").findValuesAsText("replay_started_at")).hasSize(3)
                .allSatisfy(at -> assertThat(at).isNotBlank());
        eventuallyAsserted(() -> together.forEach(name -> {
            JsonNode progress = api.get("/api/v1/admin/projections/" + name, admin.auth()).body();
            assertThat(progress.path("caught_up").asBoolean()).as(progress.toString()).isTrue();
            assertThat(progress.path("running").asBoolean()).as(progress.toString()).isTrue();
            assertThat(progress.path("replay_pass").asBoolean()).as(progress.toString()).isFalse();
            assertThat(progress.path("last_replay_pass").path("outcome").asText()).isEqualTo("completed");
            assertThat(progress.path("last_replay_pass").path("events_read").asLong())
                    .as("one read of the whole store, shared").isGreaterThanOrEqualTo(head);
        }));
        eventuallyAsserted(() -> {
            assertThat(dump(owner)).isEqualTo(goals);
            assertThat(auditRows(owner)).isEqualTo(audit);
        });
    }

    @Test
    void anEventAPassCannotApplyLeavesTheRestOfTheReplayToTheProcessorWhichParksIt() {
        User admin = platformAdmin();
        User owner = registerSteppedUp();
        String poisoned = api.post("/api/v1/api-keys", Map.of("name", "poisoned in replay"), owner.auth()).text("id");
        String healthy = api.post("/api/v1/api-keys", Map.of("name", "healthy in replay"), owner.auth()).text("id");
        eventually(() -> ids(api.get("/api/v1/api-keys", owner.auth()).body()).containsAll(List.of(poisoned, healthy)));
        // the rows stay; only their rebuild is refused
        jdbc.execute("ALTER TABLE api_key_view ADD CONSTRAINT replay_pass_test CHECK (name <> 'poisoned in replay') "
                + "NOT VALID");
        try {
            Api.Response started = api.post("/api/v1/admin/projections/replay",
                    Map.of("projections", List.of("api-key-directory")), admin.auth());
            assertThat(started.status()).as(started.toString()).isEqualTo(202);

            eventuallyAsserted(() -> {
                JsonNode progress = api.get("/api/v1/admin/projections/api-key-directory", admin.auth()).body();
                assertThat(progress.path("last_replay_pass").path("outcome").asText()).startsWith("stopped");
                assertThat(progress.path("caught_up").asBoolean()).as(progress.toString()).isTrue();
                assertThat(progress.path("running").asBoolean()).isTrue();
            });
            JsonNode letters = api.get("/api/v1/admin/dead-letters?processing_group=api-key-directory&size=100",
                    admin.auth()).body().path("items");
            assertThat(letters.findValuesAsText("aggregate_id")).contains(poisoned);
            assertThat(ids(api.get("/api/v1/api-keys", owner.auth()).body())).contains(healthy)
                    .doesNotContain(poisoned);
        } finally {
            jdbc.execute("ALTER TABLE api_key_view DROP CONSTRAINT replay_pass_test");
        }
        JsonNode letters = api.get("/api/v1/admin/dead-letters?processing_group=api-key-directory&size=100",
                admin.auth()).body().path("items");
        for (JsonNode letter : letters) {
            if (poisoned.equals(letter.path("aggregate_id").asText())) {
                assertThat(api.post("/api/v1/admin/dead-letters/" + letter.path("id").asText() + "/retry", null,
                        admin.auth()).body().path("applied").asBoolean()).isTrue();
            }
        }
        assertThat(ids(api.get("/api/v1/api-keys", owner.auth()).body())).contains(poisoned, healthy);
    }

    @Test
    void aReplayTogetherThatNamesAnythingWrongResetsNothing() {
        User admin = platformAdmin();
        String before = api.get("/api/v1/admin/projections/run-summary", admin.auth()).text("replay_started_at");
        Api.Response unknown = api.post("/api/v1/admin/projections/replay",
                Map.of("projections", List.of("run-summary", "nope")), admin.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("detail")).contains("nope");
        assertThat(api.post("/api/v1/admin/projections/replay", Map.of("projections", List.of("run-summary",
                "run-policies")), admin.auth()).status()).as("a policy acts; it is never replayed").isEqualTo(409);
        Api.Response notAList = api.post("/api/v1/admin/projections/replay", Map.of("projections", Map.of("a", 1)),
                admin.auth());
        assertThat(notAList.status()).isIn(400, 422);
        assertThat(notAList.text("detail")).isNotBlank();
        Api.Response blank = api.post("/api/v1/admin/projections/replay", Map.of("projections", List.of(" ")),
                admin.auth());
        assertThat(blank.status()).isBetween(400, 422);
        List<String> tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "run-summary").toList();
        assertThat(api.post("/api/v1/admin/projections/replay", Map.of("projections", tooMany), admin.auth())
                .status()).isBetween(400, 422);
        Api.Response nul = api.post("/api/v1/admin/projections/replay", Map.of("projections",
                List.of("run\u0000summary")), admin.auth());
        assertThat(nul.status()).as("NUL characters are refused at the door").isEqualTo(422);
        assertThat(nul.text("detail")).isNotBlank();
        assertThat(api.post("/api/v1/admin/projections/replay", Map.of("projections", List.of("x".repeat(20_000))),
                admin.auth()).status()).isEqualTo(404);
        eventually(() -> api.get("/api/v1/admin/projections/audit-log", admin.auth()).body().path("lag")
                .asLong() == 0);
        assertThat(api.get("/api/v1/admin/projections/run-summary", admin.auth()).text("replay_started_at"))
                .isEqualTo(before);

        User tenantAdmin = registerSteppedUp();
        assertThat(api.post("/api/v1/admin/projections/replay", null, tenantAdmin.auth()).status()).isEqualTo(403);
    }

    @Test
    void onlyProjectionsReplayAndOnlyPlatformAdminsMayAsk() {
        User platform = platformAdmin();
        assertThat(api.post("/api/v1/admin/projections/run-policies/replay", null, platform.auth()).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/admin/projections/nope/replay", null, platform.auth()).status())
                .isEqualTo(404);

        User admin = registerSteppedUp();
        Api.Response tenantAdmin = api.post("/api/v1/admin/projections/goal-summary/replay", null, admin.auth());
        assertThat(tenantAdmin.status()).as("a tenant admin rebuilds no other tenant's rows").isEqualTo(403);
        assertThat(tenantAdmin.text("code")).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/admin/projections", admin.auth()).status()).isEqualTo(403);
        String name = unique("aud");
        String token = api.post("/api/v1/users/invitations", Map.of("email", name + "@example.com",
                "role", "auditor"), admin.auth()).text("invitation_token");
        String auditor = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com", "username", name,
                "password", PASSWORD, "full_name", "A", "invitation_token", token)).text("access_token");
        assertThat(api.post("/api/v1/admin/projections/goal-summary/replay", null, "Authorization",
                "Bearer " + auditor).status()).isEqualTo(403);
    }

    @Test
    void aPlatformAdminWithoutAFreshStepUpCannotReplay() {
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", PLATFORM_ADMIN_EMAIL,
                "password", PASSWORD));
        String[] freshSession = {"Authorization", "Bearer " + login.text("access_token")};
        JsonNode before = api.get("/api/v1/admin/projections/goal-summary", freshSession).body();
        assertThat(before.path("name").asText()).isEqualTo("goal-summary");

        Api.Response refused = api.post("/api/v1/admin/projections/goal-summary/replay", null, freshSession);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("STEP_UP_REQUIRED");
        assertThat(api.get("/api/v1/admin/projections/goal-summary", freshSession).body()
                .path("replay_started_at")).isEqualTo(before.path("replay_started_at"));
    }

    private List<String> auditRows(User owner) {
        return jdbc.queryForList("SELECT t::text FROM audit_log t WHERE tenant_id = ? ORDER BY position", String.class,
                owner.tenantId());
    }

    /** This test's tenant only: other tests' runs may still be changing their own goals meanwhile. */
    private List<String> dump(User owner) {
        return jdbc.queryForList("SELECT t::text FROM goal_view t WHERE tenant_id = ? ORDER BY id", String.class,
                owner.tenantId());
    }
}
