package io.agentledger.query.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.serialization.EventObjectMapper;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.run.RunEvent;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.NodeStarted;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunEvent.ToolCalled;
import io.agentledger.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class RunMessagesTest {

    private static final ObjectMapper JSON = EventObjectMapper.forMessages();
    private static final List<Map<String, Object>> TASKS = List.of(
            Map.of("id", "task-1", "title", "Search", "tool", "web_search"),
            Map.of("id", "task-2", "title", "Write", "tool", "create_document"));

    private final RunLines lines = new RunLines(mock(StoredEvents.class), 10);
    private long position;

    private LiveMessage next(RunEvent event) {
        JsonNode json = JSON.valueToTree(event);
        String type = event.getClass().getSimpleName();
        return RunMessages.of(new FeedEvent(++position, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(position),
                "e" + position, "RunAggregate", "run_1", position, type, event, json, JSON.createObjectNode(),
                "tenant_1"), lines);
    }

    @Test
    void aRunsEventsBecomeOrderedUpdatesWithProgressAndItsTaskStream() {
        List<LiveMessage> messages = new ArrayList<>();
        messages.add(next(new RunCreated("run_1", "goal_1", "tenant_1", "u", "1.0.0", RunStatus.PENDING, "Go",
                AutonomyLevel.L3)));
        messages.add(next(new RunStarted("run_1", "tenant_1", "goal_1")));
        messages.add(next(new NodeStarted("run_1", "tenant_1", "intent_router")));
        messages.add(next(new NodeCompleted("run_1", "tenant_1", "intent_router")));
        messages.add(next(new CheckpointRecorded("run_1", "tenant_1", "planner", "completed", Map.of("tasks", TASKS))));
        messages.add(next(new NodeCompleted("run_1", "tenant_1", "planner")));
        messages.add(next(new ToolCalled("run_1", "tenant_1", 0, "task-1", "web_search", Map.of("query", "q"))));
        messages.add(next(new StepCompleted("run_1", "tenant_1", 0, "task-1", "web_search", "run_1:0", "executed",
                Map.of("results", 3))));
        messages.add(next(new RunCompleted("run_1", "tenant_1", "goal_1", "Done")));

        assertThat(messages).extracting(LiveMessage::type).containsExactly("run.update", "run.update", "run.update",
                "run.update", "plan_update", "run.update", "tool_call", "tool_result", "run.update");
        assertThat(messages).extracting(m -> m.data().get("progress")).filteredOn(p -> p != null)
                .containsExactly(0.0, 0.0, 0.0, 0.1, 0.2, 1.0);
        assertThat(messages.get(8).data()).containsEntry("status", "completed").containsEntry("message", "Done");
        assertThat(messages.get(7).data()).containsEntry("success", true).containsEntry("tool",
                JSON.getNodeFactory().textNode("web_search"));
        assertThat(messages).extracting(LiveMessage::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void progressSharesTheExecutorAmongThePlannedSteps() {
        RunLine line = new RunLine("run_1");
        Instant at = Instant.now();
        line.apply(new RunStarted("run_1", "tenant_1", "goal_1"), at);
        line.apply(new NodeCompleted("run_1", "tenant_1", "intent_router"), at);
        line.apply(new CheckpointRecorded("run_1", "tenant_1", "planner", "completed", Map.of("tasks", TASKS)), at);
        line.apply(new NodeCompleted("run_1", "tenant_1", "planner"), at);
        line.apply(new StepCompleted("run_1", "tenant_1", 0, "task-1", "web_search", "k", "executed", Map.of()), at);

        assertThat(line.progress()).isEqualTo(0.55);
        assertThat(line.finished()).isFalse();
    }
}
