package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiIT extends IntegrationTest {

    @Test
    void registeringCreatesAnAdminOfANewTenantWithTokens() {
        String name = unique("reg");
        Api.Response response = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", PASSWORD, "full_name", "Reg User"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("token_type")).isEqualTo("bearer");
        assertThat(response.body().path("expires_in").asInt()).isEqualTo(900);
        assertThat(response.text("refresh_token")).isNotBlank();
        assertThat(response.body().path("user").path("role").asText()).isEqualTo("admin");
        assertThat(response.body().path("user").path("tenant_id").asText()).startsWith("tenant_");
        assertThat(response.body().path("user").path("permissions").toString()).contains("write:goals");
    }

    @Test
    void registrationValidatesEveryFieldAndChangesNothing() {
        Api.Response response = api.post("/api/v1/auth/register", Map.of("email", "not-an-email",
                "username", "x", "password", "short", "full_name", ""));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .contains("email", "username", "password", "full_name");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE '%not-an-email%'", Long.class)).isZero();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotTruncated() {
        String name = unique("long");
        Api.Response response = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", "é".repeat(40), "full_name", "Long Password"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("password");
        assertThat(response.body().path("errors").get(0).path("message").asText()).contains("72 bytes");
    }

    @Test
    void aLoginPasswordBeyondWhatBcryptComparesNeverMatches() {
        String name = unique("edge");
        String password = "p".repeat(72);
        assertThat(api.post("/api/v1/auth/register", Map.of("email", name + "@example.com", "username", name,
                "password", password, "full_name", "Edge")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/login", Map.of("username", name, "password", password)).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", Map.of("username", name, "password", password + "suffix"))
                .status()).isEqualTo(422);
    }

    @Test
    void aDuplicateEmailOrUsernameIsAConflictInAnyCase() {
        User taken = register();
        Api.Response sameEmail = api.post("/api/v1/auth/register", Map.of("email", taken.email().toUpperCase(),
                "username", unique("other"), "password", PASSWORD, "full_name", "Other"));
        Api.Response sameUsername = api.post("/api/v1/auth/register", Map.of("email", unique("o") + "@example.com",
                "username", taken.username().toUpperCase(), "password", PASSWORD, "full_name", "Other"));

        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.text("code")).isEqualTo("DUPLICATE");
        assertThat(sameUsername.status()).isEqualTo(409);
    }

    @Test
    void loginWorksByEmailAndByUsername() {
        User user = register();
        Api.Response byEmail = api.post("/api/v1/auth/login", Map.of("email", user.email(), "password", PASSWORD));
        Api.Response byUsername = api.post("/api/v1/auth/login",
                Map.of("username", user.username(), "password", PASSWORD));

        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.body().path("user").path("id").asText()).isEqualTo(user.id());
        assertThat(byUsername.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer " + byUsername.text("access_token")).status())
                .isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedAndRecordedAsAnEvent() {
        User user = register();
        Api.Response response = api.post("/api/v1/auth/login", Map.of("email", user.email(), "password",
                "wrong password here"));
        Api.Response unknown = api.post("/api/v1/auth/login", Map.of("email", "nobody@example.com", "password",
                "wrong password here"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("detail")).isEqualTo("Invalid credentials");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("detail")).isEqualTo("Invalid credentials");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LoginFailed'"
                + " AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + user.id() + "%bad_password%"))
                .isEqualTo(1L);
    }

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheWholeFamily() {
        User user = register();
        Api.Response first = api.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        String second = first.text("refresh_token");
        assertThat(second).isNotEqualTo(user.refreshToken());
        String latestAccess = first.text("access_token");
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer " + latestAccess).status()).isEqualTo(200);

        Api.Response reuse = api.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("detail")).contains("already used");

        assertThat(api.post("/api/v1/auth/refresh", Map.of("refresh_token", second)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer " + latestAccess).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%RefreshTokenReuseDetected' AND convert_from(payload, 'UTF8') LIKE ?", Long.class,
                "%" + user.id() + "%")).isEqualTo(1L);
    }

    @Test
    void aStaleAccessTokenDoesNotBlockRefreshing() {
        User user = register();
        Api.Response response = api.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()),
                "Authorization", "Bearer expired.or.bogus");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheSession() {
        User user = register();
        assertThat(api.post("/api/v1/auth/logout", null, user.auth()).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status())
                .isEqualTo(401);
    }

    @Test
    void meShowsTheProfileAndPreferencesAreMerged() {
        User user = register();
        Api.Response changed = api.put("/api/v1/auth/preferences",
                Map.of("theme", "dark", "autonomy_level", "L1", "voice_enabled", true), user.auth());
        assertThat(changed.status()).isEqualTo(200);
        api.put("/api/v1/auth/preferences", Map.of("default_voice_language", "en-US"), user.auth());

        eventually(() -> api.get("/api/v1/auth/me", user.auth()).body().path("settings").has("default_voice_language"));
        Api.Response me = api.get("/api/v1/auth/me", user.auth());
        assertThat(me.text("id")).isEqualTo(user.id());
        assertThat(me.text("email")).isEqualTo(user.email());
        assertThat(me.text("role")).isEqualTo("admin");
        assertThat(me.body().path("settings").path("theme").asText()).isEqualTo("dark");
        assertThat(me.body().path("settings").path("autonomy_level").asText()).isEqualTo("L1");
        assertThat(me.body().path("is_active").asBoolean()).isTrue();
        assertThat(me.text("last_login")).isNotBlank();
        assertThat(me.text("created_at")).isNotBlank();
    }

    @Test
    void invalidPreferencesAreRefused() {
        User user = register();
        Api.Response response = api.put("/api/v1/auth/preferences", Map.of("theme", "purple"), user.auth());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly("theme");
    }

}
