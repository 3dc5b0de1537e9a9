package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdminApiIT extends IntegrationTest {

    @Test
    void anInvitedUserJoinsTheAdminsTenantWithTheGivenRole() {
        User admin = register();
        User auditor = invite(admin, "auditor");

        assertThat(auditor.tenantId()).isEqualTo(admin.tenantId());
        Api.Response me = api.get("/api/v1/auth/me", auditor.auth());
        assertThat(me.text("role")).isEqualTo("auditor");
        assertThat(me.body().path("permissions").toString()).contains("read:audit").doesNotContain("write:goals");
        eventually(() -> api.get("/api/v1/users", admin.auth()).body().path("total").asInt() == 2);
    }

    @Test
    void anInvitationTokenWorksOnceAndOnlyForItsEmail() {
        User admin = register();
        String name = unique("once");
        String token = api.post("/api/v1/users/invitations", Map.of("email", name + "@example.com", "role", "user"),
                admin.auth()).text("invitation_token");
        Api.Response wrongEmail = api.post("/api/v1/auth/register", Map.of("email", unique("x") + "@example.com",
                "username", unique("x"), "password", PASSWORD, "full_name", "X", "invitation_token", token));
        assertThat(wrongEmail.status()).isEqualTo(422);
        Api.Response forged = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", PASSWORD, "full_name", "X", "invitation_token", token + "x"));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(api.post("/api/v1/auth/register", Map.of("email", name + "@example.com", "username", name,
                "password", PASSWORD, "full_name", "X", "invitation_token", token)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/register", Map.of("email", unique("y") + "@example.com",
                "username", unique("y"), "password", PASSWORD, "full_name", "Y", "invitation_token", token)).status())
                .isIn(409, 422);
    }

    @Test
    void rolesChangeAtOnceAndPermissionsFollow() {
        User admin = register();
        User member = invite(admin, "user");
        assertThat(api.post("/api/v1/goals", Map.of("text", "allowed"), member.auth()).status()).isEqualTo(201);

        assertThat(api.put("/api/v1/users/" + member.id() + "/role", Map.of("role", "auditor"), admin.auth())
                .status()).isEqualTo(200);

        Api.Response forbidden = api.post("/api/v1/goals", Map.of("text", "no longer"), member.auth());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("code")).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/goals", member.auth()).status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageUsersAndNobodyDemotesThemselves() {
        User admin = register();
        User member = invite(admin, "user");
        assertThat(api.post("/api/v1/users/invitations", Map.of("email", unique("z") + "@example.com",
                "role", "admin"), member.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", member.auth()).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/users/" + admin.id() + "/role", Map.of("role", "user"), admin.auth()).status())
                .isEqualTo(409);
        assertThat(api.put("/api/v1/users/" + member.id() + "/role", Map.of("role", "overlord"), admin.auth())
                .status()).isEqualTo(422);
    }

    @Test
    void aDeactivatedUserIsLockedOutAtOnce() {
        User admin = register();
        User member = invite(admin, "user");
        assertThat(api.post("/api/v1/users/" + member.id() + "/deactivate", null, admin.auth()).status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/auth/me", member.auth()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", member.email(), "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refresh_token", member.refreshToken())).status())
                .isEqualTo(401);
    }

    @Test
    void anotherTenantsAdminCannotTouchTheUser() {
        User admin = register();
        User member = invite(admin, "user");
        User otherAdmin = register();
        assertThat(api.post("/api/v1/users/" + member.id() + "/deactivate", null, otherAdmin.auth()).status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/users/" + member.id() + "/role", Map.of("role", "admin"), otherAdmin.auth())
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + member.id(), otherAdmin.auth()).status()).isEqualTo(404);
    }
}
