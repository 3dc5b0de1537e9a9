package io.agentledger.app.credential;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.DatabaseScan;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.command.credential.crypto.CredentialCipher;
import io.agentledger.kernel.credential.SealedValue;
import io.agentledger.kernel.error.DomainException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CredentialCipher cipher;

    private final List<String> bodies = new ArrayList<>();

    /** Registers an emulated authenticator and steps up with it. */
    private Authenticator stepUp(User user) {
        Authenticator authenticator = new Authenticator("http://localhost");
        JsonNode options = api.post("/api/v1/auth/biometric/setup", null, user.auth()).body();
        Map<String, Object> registration = new java.util.HashMap<>(authenticator.register(options));
        registration.put("password", PASSWORD);
        Api.Response setup = api.post("/api/v1/auth/biometric/setup", registration, user.auth());
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        assertThat(setup.body().path("backup_codes")).hasSize(10);
        verify(user, authenticator);
        return authenticator;
    }

    private Api.Response verify(User user, Authenticator authenticator) {
        JsonNode options = api.post("/api/v1/auth/biometric/verify", null, user.auth()).body();
        Api.Response verified = api.post("/api/v1/auth/biometric/verify", authenticator.assertion(options),
                user.auth());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified;
    }

    private Api.Response record(Api.Response response) {
        bodies.add(response.toString());
        return response;
    }

    @Test
    void sensitiveOperationsNeedAStepUpAndChangeNothingWithoutIt() {
        User user = register();
        Api.Response refused = api.post("/api/v1/credentials", Map.of("service_name", "github", "credential_type",
                "api_key", "credential_data", Map.of("value", "ghp_x")), user.auth());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("STEP_UP_REQUIRED");
        assertThat(api.post("/api/v1/secrets", Map.of("name", "TOKEN", "value", "v"), user.auth()).text("code"))
                .isEqualTo("STEP_UP_REQUIRED");
        assertThat(api.get("/api/v1/credentials", user.auth()).body().path("total").asInt()).isZero();
        assertThat(api.get("/api/v1/secrets", user.auth()).body().path("total").asInt()).isZero();
    }

    @Test
    void sharedSecretsAreWrittenByAdminsAndVerifyingAGuessNeedsAStepUp() {
        User admin = register();
        User member = invite(admin, "user");
        io.agentledger.app.support.StepUps.withFirstBackupCode(api, member.auth());

        Api.Response refused = api.post("/api/v1/secrets", Map.of("name", "SHARED_TOKEN", "value", "v"),
                member.auth());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("admins");
        assertThat(api.get("/api/v1/secrets", admin.auth()).body().path("total").asInt()).isZero();
        String own = api.post("/api/v1/credentials", Map.of("service_name", "github", "credential_type", "api_key",
                "credential_data", Map.of("value", "ghp_mine")), member.auth()).text("id");
        assertThat(own).isNotBlank();

        Api.Response fresh = api.post("/api/v1/auth/login", Map.of("email", member.email(), "password", PASSWORD));
        String[] notSteppedUp = {"Authorization", "Bearer " + fresh.text("access_token")};
        Api.Response guess = api.post("/api/v1/credentials/verify", Map.of("credential_id", own, "value", "ghp_x"),
                notSteppedUp);
        assertThat(guess.status()).isEqualTo(403);
        assertThat(guess.text("code")).isEqualTo("STEP_UP_REQUIRED");
    }

    @Test
    void aReplayedAssertionAndAWrongOriginAreRefused() {
        User user = register();
        Authenticator authenticator = stepUp(user);

        JsonNode options = api.post("/api/v1/auth/biometric/verify", null, user.auth()).body();
        Map<String, Object> assertion = authenticator.assertion(options);
        assertThat(api.post("/api/v1/auth/biometric/verify", assertion, user.auth()).status()).isEqualTo(200);
        api.post("/api/v1/auth/biometric/verify", null, user.auth());
        Api.Response replayed = api.post("/api/v1/auth/biometric/verify", assertion, user.auth());
        assertThat(replayed.status()).isEqualTo(401);

        authenticator.moveTo("https://evil.example.com");
        JsonNode fresh = api.post("/api/v1/auth/biometric/verify", null, user.auth()).body();
        Api.Response wrongOrigin = api.post("/api/v1/auth/biometric/verify", authenticator.assertion(fresh),
                user.auth());
        assertThat(wrongOrigin.status()).isEqualTo(401);
        assertThat(wrongOrigin.text("detail")).contains("refused");
    }

    @Test
    void aBackupCodeStepsUpOnce() {
        User user = register();
        Api.Response codes = api.post("/api/v1/credentials/backup", Map.of("password", PASSWORD), user.auth());
        assertThat(codes.status()).isEqualTo(200);
        String code = codes.body().path("backup_codes").get(0).asText();

        assertThat(api.post("/api/v1/auth/biometric/verify", Map.of("backup_code", code), user.auth()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/biometric/verify", Map.of("backup_code", code), user.auth()).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/secrets", Map.of("name", "AFTER_BACKUP", "value", "v"), user.auth()).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/credentials/backup", Map.of("password", PASSWORD), register().auth()).status()).isEqualTo(200);
    }

    @Test
    void noSecretLeaksAnywhereButTheOneAuthorisedReveal() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
        try {
            User user = register();
            User stranger = register();
            stepUp(user);

            Api.Response created = record(api.post("/api/v1/credentials", Map.of("service_name", "github",
                    "credential_type", "api_key", "credential_data", Map.of("value", "v1-" + marker,
                            "additional_fields", Map.of("user", "bot")),
                    "metadata", Map.of("description", "CI token", "auto_rotate", true)), user.auth()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.text("id");
            assertThat(created.text("encryption_key_id")).isEqualTo("dk_" + id);
            assertThat(created.body().path("metadata").path("usage_count").asInt()).isZero();

            record(api.get("/api/v1/credentials", user.auth()));
            assertThat(record(api.get("/api/v1/credentials/" + id, user.auth())).text("service_name"))
                    .isEqualTo("github");
            assertThat(record(api.get("/api/v1/credentials/" + id, stranger.auth())).status()).isEqualTo(404);
            assertThat(record(api.post("/api/v1/credentials/" + id + "/reveal", Map.of("reason", "x"),
                    stranger.auth())).status()).as("another tenant learns nothing").isEqualTo(404);
            assertThat(record(api.put("/api/v1/credentials/" + id, Map.of("credential_data",
                    Map.of("value", "v2-" + marker, "additional_fields", Map.of("user", "bot"))), user.auth())).status())
                    .isEqualTo(200);
            Api.Response verified = record(api.post("/api/v1/credentials/verify", Map.of("credential_id", id,
                    "value", "v2-" + marker), user.auth()));
            assertThat(verified.body().path("valid").asBoolean()).as(verified.toString()).isTrue();
            assertThat(record(api.post("/api/v1/credentials/verify", Map.of("credential_id", id, "value",
                    "v1-" + marker), user.auth())).body().path("valid").asBoolean()).isFalse();
            eventuallyAsserted(() -> assertThat(api.get("/api/v1/credentials/" + id, user.auth()).body()
                    .path("metadata").path("usage_count").asInt()).isEqualTo(2));
            assertThat(record(api.post("/api/v1/credentials/" + id + "/reveal", Map.of(), user.auth())).status())
                    .isEqualTo(422);

            Api.Response secret = record(api.post("/api/v1/secrets", Map.of("name", "OPENAI_API_KEY", "value",
                    "sk-" + marker, "description", "for workflows"), user.auth()));
            assertThat(secret.status()).isEqualTo(201);
            assertThat(secret.body().has("value")).isFalse();
            Api.Response duplicate = record(api.post("/api/v1/secrets", Map.of("name", "OPENAI_API_KEY", "value",
                    "sk2-" + marker), user.auth()));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(record(api.get("/api/v1/secrets", user.auth())).body().path("items").get(0)
                    .path("name").asText()).isEqualTo("OPENAI_API_KEY");
            assertThat(record(api.put("/api/v1/secrets/OPENAI_API_KEY", Map.of("value", "sk3-" + marker),
                    user.auth())).status()).isEqualTo(200);
            assertThat(record(api.put("/api/v1/secrets/MISSING", Map.of("value", "x"), user.auth())).status())
                    .isEqualTo(404);
            assertThat(record(api.post("/api/v1/secrets", Map.of("name", "bad name!", "value", "x"), user.auth()))
                    .status()).isEqualTo(422);
            assertThat(record(api.delete("/api/v1/secrets/OPENAI_API_KEY", user.auth())).status()).isEqualTo(204);
            assertThat(record(api.delete("/api/v1/secrets/OPENAI_API_KEY", user.auth())).status()).isEqualTo(404);

            Api.Response revealed = api.post("/api/v1/credentials/" + id + "/reveal", Map.of("reason",
                    "rotating the CI token"), user.auth());
            assertThat(revealed.status()).isEqualTo(200);
            assertThat(revealed.body().path("credential_data").path("value").asText()).isEqualTo("v2-" + marker);
            assertThat(revealed.body().path("credential_data").path("additional_fields").path("user").asText())
                    .isEqualTo("bot");

            assertThat(record(api.delete("/api/v1/credentials/" + id, user.auth())).status()).isEqualTo(204);
            assertThat(record(api.get("/api/v1/credentials/" + id, user.auth())).status()).isEqualTo(404);
            assertThat(record(api.post("/api/v1/credentials/" + id + "/reveal", Map.of("reason", "again"),
                    user.auth())).status()).isEqualTo(404);
            JsonNode history = record(api.get("/api/v1/history/credential/" + id, user.auth())).body();
            record(api.get("/api/v1/audit/logs?resource_id=" + id, user.auth()));

            // crypto-shredding: the events are all still there, and none can be opened any more
            List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE "
                    + "aggregate_identifier = ? AND payload_type LIKE '%CredentialStored' OR aggregate_identifier = ? "
                    + "AND payload_type LIKE '%CredentialChanged'", byte[].class, id, id);
            assertThat(payloads).hasSize(2);
            for (byte[] payload : payloads) {
                JsonNode value = JSON.readTree(payload).path("value");
                SealedValue sealed = new SealedValue(value.path("ciphertext").asText(), value.path("key_id").asText());
                assertThatThrownBy(() -> cipher.open(sealed)).isInstanceOf(DomainException.class)
                        .hasMessageContaining("destroyed");
            }
            assertThat(history.path("total").asInt()).as(history.toString()).isGreaterThanOrEqualTo(6);

            assertThat(DatabaseScan.tablesContaining(jdbc, marker)).isEmpty();
            assertThat(bodies).noneMatch(body -> body.contains(marker));
            assertThat(logs.list).noneMatch(event -> event.getFormattedMessage().contains(marker)
                    || event.getThrowableProxy() != null && event.getThrowableProxy().getMessage() != null
                    && event.getThrowableProxy().getMessage().contains(marker));
        } finally {
            root.detachAppender(logs);
        }
    }
}
