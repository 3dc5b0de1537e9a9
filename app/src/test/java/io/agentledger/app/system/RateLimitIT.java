package io.agentledger.app.system;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000's rate limits: per user from the tenant's settings, per IP from the platform's, changed live. */
class RateLimitIT extends IntegrationTest {

    private void setTenantLimits(User admin, Map<String, Object> limits) {
        Api.Response put = api.put("/api/v1/system/config", Map.of("settings", limits), admin.auth());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private static long header(Api.Response response, String name) {
        return Long.parseLong(response.header(name).orElseThrow(() -> new AssertionError("no " + name)));
    }

    @Test
    void aUserGetsTheTenantsReadLimitWithHeadersThen429WithRetryAfter() {
        User admin = register();
        StepUps.withFirstBackupCode(api, admin.auth());
        User colleague = invite(admin, "user");
        setTenantLimits(admin, Map.of("rate_limits.read", 3));

        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.Response allowed = api.get("/api/v1/goals", admin.auth());
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(header(allowed, "X-RateLimit-Limit")).isEqualTo(3);
            assertThat(header(allowed, "X-RateLimit-Remaining")).isEqualTo(remaining);
            assertThat(header(allowed, "X-RateLimit-Reset")).isBetween(Instant.now().getEpochSecond() - 1,
                    Instant.now().plusSeconds(61).getEpochSecond());
            assertThat(allowed.header("X-RateLimit-Type")).contains("user");
        }
        Api.Response refused = api.get("/api/v1/goals", admin.auth());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("RATE_LIMITED");
        assertThat(refused.text("detail")).contains("at most 3 a minute per user");
        assertThat(header(refused, "Retry-After")).isBetween(1L, 60L);
        assertThat(header(refused, "X-RateLimit-Remaining")).isZero();

        assertThat(api.get("/api/v1/goals", colleague.auth()).status()).as("each user has their own allowance")
                .isEqualTo(200);
        Api.Response stranger = api.get("/api/v1/goals", register().auth());
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(header(stranger, "X-RateLimit-Limit")).as("another tenant keeps its own limit")
                .isGreaterThan(3);
        assertThat(api.post("/api/v1/goals", Map.of("text", "Writes are another class"), admin.auth()).status())
                .isEqualTo(201);

        setTenantLimits(admin, Map.of("rate_limits.read", 50));
        Api.Response raised = api.get("/api/v1/goals", admin.auth());
        assertThat(raised.status()).as("the raised limit applies at once").isEqualTo(200);
        assertThat(header(raised, "X-RateLimit-Limit")).isEqualTo(50);
    }

    @Test
    void startingAgentsIsLimitedAsAiIntensive() {
        User admin = register();
        StepUps.withFirstBackupCode(api, admin.auth());
        setTenantLimits(admin, Map.of("rate_limits.ai_intensive", 1));
        String first = api.post("/api/v1/goals", Map.of("text", "Summarise the notes", "autonomy_level", "L3"),
                admin.auth()).text("id");
        String second = api.post("/api/v1/goals", Map.of("text", "Summarise the mail", "autonomy_level", "L3"),
                admin.auth()).text("id");

        Api.Response started = api.post("/api/v1/goals/" + first + "/start", null, admin.auth());
        assertThat(started.status()).isEqualTo(202);
        assertThat(header(started, "X-RateLimit-Limit")).isEqualTo(1);
        Api.Response refused = api.post("/api/v1/goals/" + second + "/start", null, admin.auth());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("detail")).contains("ai-intensive");
        assertThat(api.get("/api/v1/goals/" + second, admin.auth()).text("status")).as("nothing started")
                .isEqualTo("draft");
    }

    @Test
    void anonymousCallsAreLimitedPerIpAddressByThePlatformsSettings() {
        User platformAdmin = platformAdmin();
        Api.Response lowered = api.post("/api/v1/system/modify?scope=platform", Map.of("type", "system_setting",
                "description", "test the per-IP limit", "changes", Map.of("rate_limits.authentication", 2)),
                platformAdmin.auth());
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(201);
        try {
            Map<String, String> wrong = Map.of("email", "nobody@example.com", "password", "not the password");
            for (int i = 0; i < 2; i++) {
                Api.Response attempt = api.post("/api/v1/auth/login", wrong);
                assertThat(attempt.status()).isEqualTo(401);
                assertThat(attempt.header("X-RateLimit-Type")).contains("ip");
                assertThat(header(attempt, "X-RateLimit-Limit")).isEqualTo(2);
            }
            Api.Response refused = api.post("/api/v1/auth/login", wrong);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.text("detail")).contains("per IP address");
            assertThat(refused.header("Retry-After")).isPresent();
        } finally {
            Api.Response restored = api.post("/api/v1/system/rollback?scope=platform", Map.of("modification_id",
                    lowered.text("id"), "reason", "test over"), platformAdmin.auth());
            assertThat(restored.status()).as(restored.toString()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/auth/login", Map.of("email", PLATFORM_ADMIN_EMAIL, "password", PASSWORD))
                .status()).as("the rollback lifted the limit at once").isEqualTo(200);
    }

    private Api.Response lowerPlatform(String key, int value) {
        Api.Response lowered = api.post("/api/v1/system/modify?scope=platform", Map.of("type", "system_setting",
                "description", "test " + key, "changes", Map.of(key, value)), platformAdmin().auth());
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(201);
        return lowered;
    }

    private void restore(Api.Response lowered) {
        assertThat(api.post("/api/v1/system/rollback?scope=platform", Map.of("modification_id", lowered.text("id"),
                "reason", "test over"), platformAdmin().auth()).status()).isEqualTo(201);
    }

    /** A login attempt sent from another loopback address, as a second client machine would. */
    private int loginFrom(String address, String email) throws java.io.IOException {
        String body = "{\"email\":\"" + email + "\",\"password\":\"not the password\"}";
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(address, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port()), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void guessingOneAccountsPasswordFromSeveralAddressesIsLimitedPerAccount() throws Exception {
        User target = register();
        Api.Response lowered = lowerPlatform("rate_limits.authentication", 3);
        try {
            assertThat(loginFrom("127.0.0.2", target.email())).isEqualTo(401);
            assertThat(loginFrom("127.0.0.2", target.email())).isEqualTo(401);
            assertThat(loginFrom("127.0.0.3", target.email())).isEqualTo(401);
            assertThat(loginFrom("127.0.0.3", target.email())).as("a fourth guess at one account, from a fresh address")
                    .isEqualTo(429);
            assertThat(loginFrom("127.0.0.3", unique("other") + "@example.com")).as("other accounts are not held back")
                    .isEqualTo(401);
        } finally {
            restore(lowered);
        }
    }

    @Test
    void aStolenTokenCannotGuessThePasswordThatEnrolsAFactor() {
        User victim = register();
        Api.Response lowered = lowerPlatform("rate_limits.authentication", 3);
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/v1/credentials/backup", Map.of("password", "guess " + i), victim.auth())
                        .status()).isEqualTo(403);
            }
            Api.Response limited = api.post("/api/v1/credentials/backup", Map.of("password", PASSWORD),
                    victim.auth());
            assertThat(limited.status()).as("even the right password, once the guesses are spent").isEqualTo(429);
            assertThat(limited.text("detail")).contains("password attempts");
        } finally {
            restore(lowered);
        }
    }

    @Test
    void credentialsSentToLoginAreIgnoredAndAFailedLoginIsRecordedUnderTheTargetsTenant() {
        User attacker = register();
        User target = register();
        Api.Response attempt = api.post("/api/v1/auth/login", Map.of("email", target.email(), "password", "guess"),
                attacker.auth());
        assertThat(attempt.status()).isEqualTo(401);
        assertThat(attempt.header("X-RateLimit-Type")).as("counted as anonymous, per address").contains("ip");

        eventually(() -> api.get("/api/v1/audit/logs?action=auth.login&success=false", target.auth()).body()
                .path("total").asInt() == 1);
        assertThat(api.get("/api/v1/audit/logs?action=auth.login&success=false", attacker.auth()).body()
                .path("total").asInt()).as("the attacker's tenant learns nothing of it").isZero();
    }

    @Test
    void aTenantCannotRaiseItsLimitsAboveThePlatforms() {
        User admin = register();
        StepUps.withFirstBackupCode(api, admin.auth());
        setTenantLimits(admin, Map.of("rate_limits.read", 500));
        Api.Response lowered = lowerPlatform("rate_limits.read", 400);
        try {
            assertThat(header(api.get("/api/v1/goals", admin.auth()), "X-RateLimit-Limit")).isEqualTo(400);
        } finally {
            restore(lowered);
        }
        assertThat(header(api.get("/api/v1/goals", admin.auth()), "X-RateLimit-Limit")).isEqualTo(500);
    }
}
