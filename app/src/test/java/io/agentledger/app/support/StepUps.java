package io.agentledger.app.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Step-ups for tests that are not about step-up itself. */
public final class StepUps {

    private StepUps() {
    }

    /** A user without any factor yet takes backup codes and steps up with the first. */
    public static void withFirstBackupCode(Api api, String... auth) {
        String code = api.post("/api/v1/credentials/backup", null, auth).body().path("backup_codes").get(0).asText();
        assertThat(api.post("/api/v1/auth/biometric/verify", Map.of("backup_code", code), auth).status())
                .isEqualTo(200);
    }
}
