package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An approval's deadline is kept in PostgreSQL: it fires on the service that runs after a restart. */
class DeadlineRestartIT {

    private static final String DATABASE = "deadline_restart";

    private static ConfigurableApplicationContext start() {
        return StandaloneService.startOn(DATABASE, null,
                "--agentledger.settings.defaults[approvals.deadline_default]=PT12S");
    }

    @Test
    void anApprovalDeadlineSetBeforeARestartExpiresTheApprovalAfterIt() {
        String[] auth;
        String approvalId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = StandaloneService.api(first);
            auth = StandaloneService.registerUser(api, "deadline");
            String goalId = api.post("/api/v1/goals", Map.of("text", "Email the team about the launch",
                    "autonomy_level", "L2"), auth).text("id");
            assertThat(api.post("/api/v1/goals/" + goalId + "/start", null, auth).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/approvals?state=pending", auth)
                    .body().path("items").isEmpty());
            approvalId = api.get("/api/v1/approvals?state=pending", auth).body().path("items").get(0).path("id")
                    .asText();
        }
        String expiring = approvalId;
        assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%Expired'", Long.class, expiring)).isZero();

        try (ConfigurableApplicationContext second = start()) {
            Api api = StandaloneService.api(second);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode approval = api.get("/api/v1/approvals/" + expiring, auth).body();
                assertThat(approval.path("state").asText()).isEqualTo("expired");
            });
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND payload_type LIKE '%Expired'", Long.class, expiring))
                    .as("fired once").isEqualTo(1);
        }
    }
}
