package io.agentledger.app.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Step-ups for tests that are not about step-up itself. */
public final class StepUps {

    private StepUps() {
    }

    /** The password every test user registers with. */
    public static final String PASSWORD = "a long enough password";

    /** A user without any factor yet takes backup codes (with their password) and steps up with the first. */
    public static void withFirstBackupCode(Api api, String... auth) {
        withFirstBackupCode(api, PASSWORD, auth);
    }

    public static void withFirstBackupCode(Api api, String password, String... auth) {
        Api.Response issued = api.post("/api/v1/credentials/backup", Map.of("password", password), auth);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String code = issued.body().path("backup_codes").get(0).asText();
        assertThat(api.post("/api/v1/auth/biometric/verify", Map.of("backup_code", code), auth).status())
                .isEqualTo(200);
    }
}
