package io.agentledger.app.credential;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stolen access token or API key can no longer turn into step-up power. */
class StepUpEnrolmentIT extends IntegrationTest {

    private Map<String, Object> setup(User user, Authenticator authenticator, String password) {
        JsonNode options = api.post("/api/v1/auth/biometric/setup", null, user.auth()).body();
        Map<String, Object> registration = new HashMap<>(authenticator.register(options));
        if (password != null) {
            registration.put("password", password);
        }
        return registration;
    }

    private long events(String userId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ?", Long.class, userId, "%" + type);
    }

    @Test
    void aStolenAccessTokenCannotEnrolTheFirstFactorWithoutThePassword() {
        User victim = register();
        Authenticator attackers = new Authenticator("http://localhost");

        Api.Response withoutPassword = api.post("/api/v1/auth/biometric/setup", setup(victim, attackers, null),
                victim.auth());
        Api.Response wrongPassword = api.post("/api/v1/auth/biometric/setup",
                setup(victim, attackers, "not the password"), victim.auth());
        Api.Response codes = api.post("/api/v1/credentials/backup", null, victim.auth());

        assertThat(withoutPassword.status()).as(withoutPassword.toString()).isEqualTo(403);
        assertThat(withoutPassword.text("detail")).contains("password");
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(codes.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/auth/biometric/authenticators", victim.auth()).body().path("items")).isEmpty();
        assertThat(events(victim.id(), "AuthenticatorRegistered") + events(victim.id(), "BackupCodesIssued"))
                .isZero();

        Api.Response owner = api.post("/api/v1/auth/biometric/setup", setup(victim, new Authenticator(
                "http://localhost"), PASSWORD), victim.auth());
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.body().path("backup_codes")).hasSize(10);
    }

    @Test
    void anApiKeyNeverEnrolsNorMintsKeys() {
        User user = registerSteppedUp();
        String key = api.post("/api/v1/api-keys", Map.of("name", "ci"), user.auth()).text("key");
        String[] byKey = {"X-API-Key", key};

        assertThat(api.post("/api/v1/auth/biometric/setup", null, byKey).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/credentials/backup", Map.of("password", PASSWORD), byKey).status())
                .isEqualTo(403);
        Api.Response minted = api.post("/api/v1/api-keys", Map.of("name", "child"), byKey);
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.text("detail")).contains("API key");
        assertThat(api.get("/api/v1/api-keys", user.auth()).body().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void moreFactorsAndNewBackupCodesNeedAFreshStepUp() {
        User user = register();
        Authenticator first = new Authenticator("http://localhost");
        assertThat(api.post("/api/v1/auth/biometric/setup", setup(user, first, PASSWORD), user.auth()).status())
                .isEqualTo(200);

        Api.Response second = api.post("/api/v1/auth/biometric/setup",
                setup(user, new Authenticator("http://localhost"), PASSWORD), user.auth());
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.text("code")).isEqualTo("STEP_UP_REQUIRED");
        Api.Response replaced = api.post("/api/v1/credentials/backup", Map.of("password", PASSWORD), user.auth());
        assertThat(replaced.text("code")).isEqualTo("STEP_UP_REQUIRED");
        assertThat(events(user.id(), "AuthenticatorRegistered")).isEqualTo(1);

        JsonNode options = api.post("/api/v1/auth/biometric/verify", null, user.auth()).body();
        assertThat(api.post("/api/v1/auth/biometric/verify", first.assertion(options), user.auth()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/biometric/setup", setup(user, new Authenticator("http://localhost"),
                null), user.auth()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/credentials/backup", null, user.auth()).body().path("backup_codes"))
                .hasSize(10);
        assertThat(api.get("/api/v1/auth/biometric/authenticators", user.auth()).body().path("items")).hasSize(2);
    }

    @Test
    void anAuthenticatorIsRemovedAfterAStepUpAndStopsWorking() {
        User user = register();
        Authenticator authenticator = new Authenticator("http://localhost");
        assertThat(api.post("/api/v1/auth/biometric/setup", setup(user, authenticator, PASSWORD), user.auth())
                .status()).isEqualTo(200);
        JsonNode listed = api.get("/api/v1/auth/biometric/authenticators", user.auth()).body().path("items");
        assertThat(listed).hasSize(1);
        String id = listed.get(0).path("id").asText();
        assertThat(listed.get(0).has("attested_credential_data")).isFalse();

        Api.Response refused = api.delete("/api/v1/auth/biometric/authenticators/" + id, user.auth());
        assertThat(refused.text("code")).isEqualTo("STEP_UP_REQUIRED");
        JsonNode options = api.post("/api/v1/auth/biometric/verify", null, user.auth()).body();
        assertThat(api.post("/api/v1/auth/biometric/verify", authenticator.assertion(options), user.auth())
                .status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/biometric/authenticators/authn_unknown", user.auth()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/auth/biometric/authenticators/" + id, register().auth()).status())
                .as("another user's authenticator").isEqualTo(404);
        JsonNode pending = api.post("/api/v1/auth/biometric/verify", null, user.auth()).body();
        assertThat(api.delete("/api/v1/auth/biometric/authenticators/" + id, user.auth()).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/auth/biometric/authenticators", user.auth()).body().path("items")).isEmpty();
        assertThat(events(user.id(), "AuthenticatorRemoved")).isEqualTo(1);
        Api.Response afterRemoval = api.post("/api/v1/auth/biometric/verify", authenticator.assertion(pending),
                user.auth());
        assertThat(afterRemoval.status()).isEqualTo(401);
        assertThat(afterRemoval.text("detail")).contains("not registered");
    }

    @Test
    void apiKeysNeedAStepUpAndLiveNinetyDaysAtMost() {
        User user = register();
        Api.Response refused = api.post("/api/v1/api-keys", Map.of("name", "k"), user.auth());
        assertThat(refused.text("code")).isEqualTo("STEP_UP_REQUIRED");
        StepUps.withFirstBackupCode(api, user.auth());

        Api.Response tooLong = api.post("/api/v1/api-keys", Map.of("name", "forever", "expires_at",
                Instant.now().plus(Duration.ofDays(91)).toString()), user.auth());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text("detail")).contains("90 days");

        Api.Response created = api.post("/api/v1/api-keys", Map.of("name", "default"), user.auth());
        assertThat(created.status()).isEqualTo(201);
        Instant expires = Instant.parse(created.text("expires_at"));
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void aStepUpHoldsForItsOwnSessionOnlyAndOnlyUntilItExpires() {
        User user = registerSteppedUp();
        String[] otherSession = {"Authorization", "Bearer " + api.post("/api/v1/auth/login", Map.of("email",
                user.email(), "password", PASSWORD)).text("access_token")};
        String key = api.post("/api/v1/api-keys", Map.of("name", "bound"), user.auth()).text("key");

        assertThat(api.post("/api/v1/secrets", Map.of("name", "OTHER_SESSION", "value", "v"), otherSession)
                .text("code")).isEqualTo("STEP_UP_REQUIRED");
        assertThat(api.post("/api/v1/secrets", Map.of("name", "BY_KEY", "value", "v"), "X-API-Key", key)
                .text("code")).isEqualTo("STEP_UP_REQUIRED");
        assertThat(api.post("/api/v1/secrets", Map.of("name", "STEPPED_UP", "value", "v"), user.auth()).status())
                .isEqualTo(201);

        jdbc.update("UPDATE step_up_grant SET valid_until = now() - interval '1 second' WHERE user_id = ?",
                user.id());

        Api.Response expired = api.post("/api/v1/secrets", Map.of("name", "AFTER_EXPIRY", "value", "v"),
                user.auth());
        assertThat(expired.text("code")).isEqualTo("STEP_UP_REQUIRED");
        assertThat(api.get("/api/v1/secrets", user.auth()).body().path("items").findValuesAsText("name"))
                .containsExactly("STEPPED_UP");
    }
}
