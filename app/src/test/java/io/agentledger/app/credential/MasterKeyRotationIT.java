package io.agentledger.app.credential;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.app.support.StepUps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new master key re-wraps every data key at startup; the events stay exactly as they were. */
class MasterKeyRotationIT {

    private static final String DATABASE = "rotation";

    @Test
    void rotatingTheMasterKeyRewrapsDataKeysWithoutRewritingEvents() {
        String first = newKey();
        String second = newKey();
        String value = "rotate-" + UUID.randomUUID();
        String[] auth;
        String credentialId;
        List<byte[]> eventsBefore;
        try (ConfigurableApplicationContext service = StandaloneService.startOn(DATABASE, null,
                "--agentledger.credentials.master-key=" + first, "--agentledger.credentials.master-key-id=mk1")) {
            Api api = StandaloneService.api(service);
            auth = steppedUpUser(api);
            credentialId = api.post("/api/v1/credentials", Map.of("service_name", "billing", "credential_type",
                    "api_key", "credential_data", Map.of("value", value)), auth).text("id");
            assertThat(api.post("/api/v1/secrets", Map.of("name", "ROTATED", "value", value), auth).status())
                    .isEqualTo(201);
            assertThat(masterKeyIds()).containsOnly("mk1").hasSize(2);
            eventsBefore = credentialEvents();
        }

        try (ConfigurableApplicationContext service = StandaloneService.startOn(DATABASE, null,
                "--agentledger.credentials.master-key=" + second, "--agentledger.credentials.master-key-id=mk2",
                "--agentledger.credentials.retired-master-keys.mk1=" + first)) {
            assertThat(masterKeyIds()).containsOnly("mk2").hasSize(2);
            assertThat(credentialEvents()).containsExactlyElementsOf(eventsBefore);
            assertThat(reveal(StandaloneService.api(service), credentialId, auth)).isEqualTo(value);
        }

        try (ConfigurableApplicationContext service = StandaloneService.startOn(DATABASE, null,
                "--agentledger.credentials.master-key=" + second, "--agentledger.credentials.master-key-id=mk2")) {
            assertThat(reveal(StandaloneService.api(service), credentialId, auth)).isEqualTo(value);
        }
    }

    private static String[] steppedUpUser(Api api) {
        String name = "rotation" + System.nanoTime();
        String[] auth = {"Authorization", "Bearer " + api.post("/api/v1/auth/register", Map.of("email",
                name + "@example.com", "username", name, "password", "a long enough password", "full_name", "R"))
                .text("access_token")};
        StepUps.withFirstBackupCode(api, auth);
        return auth;
    }

    private static String reveal(Api api, String credentialId, String[] auth) {
        Api.Response revealed = api.post("/api/v1/credentials/" + credentialId + "/reveal",
                Map.of("reason", "rotation check"), auth);
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        return revealed.body().path("credential_data").path("value").asText();
    }

    private static List<String> masterKeyIds() {
        return database().queryForList("SELECT master_key_id FROM credential_data_key", String.class);
    }

    private static List<byte[]> credentialEvents() {
        return database().queryForList("SELECT payload FROM domain_event_entry WHERE type LIKE 'Credential%' "
                + "ORDER BY global_index", byte[].class);
    }

    private static JdbcTemplate database() {
        return StandaloneService.jdbc(DATABASE);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
