package io.agentledger.app.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform-wide configuration: changed by platform admins only, inherited by every tenant that set nothing. */
class PlatformConfigIT extends IntegrationTest {

    @Test
    void tenantsInheritThePlatformsValueUnlessTheySetTheirOwn() {
        User platformAdmin = platformAdmin();
        User inheriting = register();
        User overriding = register();
        StepUps.withFirstBackupCode(api, overriding.auth());
        assertThat(api.put("/api/v1/system/config", Map.of("settings", Map.of("agents.max_steps", 9)),
                overriding.auth()).status()).isEqualTo(200);

        Api.Response platform = api.post("/api/v1/system/modify?scope=platform", Map.of("type", "agent_config",
                "description", "shorter plans everywhere", "changes", Map.of("agents.max_steps", 7)),
                platformAdmin.auth());
        assertThat(platform.status()).as(platform.toString()).isEqualTo(201);
        try {
            JsonNode inherited = api.get("/api/v1/system/config", inheriting.auth()).body();
            assertThat(inherited.path("settings").path("agents.max_steps").asInt()).isEqualTo(7);
            assertThat(inherited.path("sources").path("agents.max_steps").asText()).isEqualTo("platform");
            JsonNode own = api.get("/api/v1/system/config", overriding.auth()).body();
            assertThat(own.path("settings").path("agents.max_steps").asInt()).isEqualTo(9);
            assertThat(own.path("sources").path("agents.max_steps").asText()).isEqualTo("tenant");

            JsonNode platformConfig = api.get("/api/v1/system/config?scope=platform", inheriting.auth()).body();
            assertThat(platformConfig.path("scope").asText()).isEqualTo("platform");
            assertThat(platformConfig.path("overridden").toString()).contains("agents.max_steps");
            assertThat(api.get("/api/v1/system/modifications?scope=platform&type=agent_config", inheriting.auth())
                    .body().path("items").findValuesAsText("id")).contains(platform.text("id"));
            assertThat(api.get("/api/v1/system/modifications", inheriting.auth()).body().path("total").asInt())
                    .as("the tenant's own history stays its own").isZero();
        } finally {
            assertThat(api.post("/api/v1/system/rollback?scope=platform", Map.of("modification_id",
                    platform.text("id"), "reason", "test over"), platformAdmin.auth()).status()).isEqualTo(201);
        }
        assertThat(api.get("/api/v1/system/config", inheriting.auth()).body().path("sources")
                .path("agents.max_steps").asText()).isEqualTo("default");
    }

    @Test
    void onlyPlatformAdminsChangeThePlatformAndScopesAreChecked() {
        User tenantAdmin = register();
        StepUps.withFirstBackupCode(api, tenantAdmin.auth());
        Map<String, Object> change = Map.of("type", "system_setting", "description", "x",
                "changes", Map.of("agents.max_steps", 3));

        Api.Response refused = api.post("/api/v1/system/modify?scope=platform", change, tenantAdmin.auth());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("platform admins");
        assertThat(api.post("/api/v1/system/rollback?scope=platform", Map.of("to", "2020-01-01T00:00:00Z",
                "reason", "x"), tenantAdmin.auth()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/system/modify?scope=everything", change, tenantAdmin.auth()).status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/system/config?scope=everything", tenantAdmin.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/system/config?scope=platform", tenantAdmin.auth()).body().path("settings")
                .path("agents.max_steps").asInt()).as("nothing changed").isEqualTo(20);
    }
}
