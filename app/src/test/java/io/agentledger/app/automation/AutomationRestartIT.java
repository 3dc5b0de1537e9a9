package io.agentledger.app.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.Processors;
import io.agentledger.app.support.StandaloneService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An automation fired by a real event fires exactly once, across a restart and a trigger processor reset to the start. */
class AutomationRestartIT {

    private static final String DATABASE = "automation_restart";

    @Test
    void aFiringIsNeverRepeatedByARestartOrAReplayOfTheTriggers() {
        String[] auth;
        String automationId;
        try (ConfigurableApplicationContext first = StandaloneService.startOn(DATABASE, null)) {
            Api api = StandaloneService.api(first);
            auth = StandaloneService.registerUser(api, "automations");
            automationId = api.post("/api/v1/automations", Map.of("name", "on urgent goals", "trigger",
                    Map.of("type", "event", "config", Map.of("event_type", "GoalCreated", "conditions",
                            Map.of("priority", "urgent"))), "workflow", Map.of("template", "meeting_followup")),
                    auth).text("id");
            api.post("/api/v1/goals", Map.of("text", "Board meeting", "priority", "urgent"), auth);
            String firing = automationId;
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/automations/" + firing + "/firings",
                    auth).body().path("total").asInt() == 1);
        }
        try (ConfigurableApplicationContext second = StandaloneService.startOn(DATABASE, null)) {
            Api api = StandaloneService.api(second);
            StreamingEventProcessor triggers = second.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("automation-triggers", StreamingEventProcessor.class).orElseThrow();
            triggers.shutDown();
            triggers.resetTokens(source -> source.createTailToken());
            triggers.start();
            Processors.awaitCaughtUp(second, "automation-triggers");

            JsonNode firings = api.get("/api/v1/automations/" + automationId + "/firings", auth).body();
            assertThat(firings.path("total").asInt()).isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry WHERE "
                    + "payload_type LIKE '%AutomationFired' AND convert_from(payload, 'UTF8') LIKE ?", Long.class,
                    "%" + automationId + "%")).as("one firing event in the store").isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry WHERE "
                    + "payload_type LIKE '%GoalCreated' AND aggregate_identifier = ?", Long.class,
                    firings.path("items").get(0).path("started_id").asText())).isEqualTo(1);
            assertThat(StandaloneService.jdbc(DATABASE).queryForObject("SELECT count(*) FROM domain_event_entry WHERE "
                    + "payload_type LIKE '%RunCreated' AND aggregate_identifier = ?", Long.class,
                    firings.path("items").get(0).path("run_id").asText())).isEqualTo(1);
        }
    }
}
