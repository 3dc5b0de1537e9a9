package io.agentledger.app.it;

import io.agentledger.app.support.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read model dropped and rebuilt from the events comes back identical. */
class ReplayIT extends IntegrationTest {

    private static final Map<String, String> READ_MODELS = Map.of(
            "goal-summary", "goal_view",
            "run-summary", "run_view",
            "user-directory", "user_view",
            "api-key-directory", "api_key_view");

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void droppingAndReplayingEveryReadModelGivesIdenticalRows() {
        User user = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "Replay me", "priority", "high",
                "constraints", Map.of("budget", 5)), user.auth()).text("id");
        api.put("/api/v1/goals/" + goal, Map.of("actual_hours", 3.5, "metadata", Map.of("k", "v")), user.auth());
        api.post("/api/v1/goals/" + goal + "/start", null, user.auth());
        String deleted = api.post("/api/v1/goals", Map.of("text", "Gone"), user.auth()).text("id");
        api.delete("/api/v1/goals/" + deleted, user.auth());
        api.put("/api/v1/auth/preferences", Map.of("theme", "light"), user.auth());
        String key = api.post("/api/v1/api-keys", Map.of("name", "replayed"), user.auth()).text("id");
        api.delete("/api/v1/api-keys/" + key, user.auth());
        eventually(this::allCaughtUp);

        Map<String, List<String>> before = snapshot();
        assertThat(before.get("goal_view")).anyMatch(row -> row.contains(goal));

        for (String name : READ_MODELS.keySet()) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        eventually(this::allCaughtUp);
        eventuallyAsserted(() -> assertThat(snapshot()).isEqualTo(before));
    }

    /** A processor reports "replaying" until an event past the reset point arrives, so only catching up counts. */
    private boolean allCaughtUp() {
        return READ_MODELS.keySet().stream().allMatch(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow().processingStatus().values()
                .stream().allMatch(status -> status.isCaughtUp()));
    }

    private Map<String, List<String>> snapshot() {
        return READ_MODELS.values().stream().collect(java.util.stream.Collectors.toMap(table -> table,
                table -> jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY id", String.class)));
    }
}
