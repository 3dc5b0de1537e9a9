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

    /** This test's tenant only: other tests' runs may still be changing their own goals meanwhile. */
    private List<String> dump(User owner) {
        return jdbc.queryForList("SELECT t::text FROM goal_view t WHERE tenant_id = ? ORDER BY id", String.class,
                owner.tenantId());
    }
}
