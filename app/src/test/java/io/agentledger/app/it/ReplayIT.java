package io.agentledger.app.it;

import io.agentledger.app.agent.AgentPackageIT;
import io.agentledger.app.agent.AgentPackages;
import io.agentledger.app.admin.ProjectionAdmin;
import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.app.support.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every read model dropped and rebuilt from the events comes back identical. */
class ReplayIT extends IntegrationTest {

    private static final Map<String, List<String>> READ_MODELS = Map.ofEntries(
            Map.entry("goal-summary", List.of("goal_view", "goal_task_view")),
            Map.entry("run-summary", List.of("run_view")),
            Map.entry("approval-directory", List.of("approval_view")),
            Map.entry("user-directory", List.of("user_view")),
            Map.entry("api-key-directory", List.of("api_key_view")),
            Map.entry("audit-log", List.of("audit_log")),
            Map.entry("credential-directory", List.of("credential_view")),
            Map.entry("system-modifications", List.of("system_modification_view")),
            Map.entry("ai-spend", List.of("ai_spend_daily")),
            Map.entry("memory-directory", List.of("memory_document", "memory_episode", "memory_entity",
                    "memory_entity_mention")),
            Map.entry("memory-search", List.of("memory_search_state", "memory_search_mention")),
            Map.entry("agent-memory", List.of("agent_memory")),
            Map.entry("agent-directory", List.of("agent_view", "agent_version_view", "agent_execution_view",
                    "agent_log")),
            Map.entry("workflow-directory", List.of("workflow_view", "workflow_version_view", "workflow_execution_view",
                    "workflow_node_log")),
            Map.entry("task-directory", List.of("task_session_view", "task_view", "task_artifact_view")),
            Map.entry("automation-directory", List.of("automation_view", "automation_firing_view")));

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ProjectionAdmin projections;

    @Test
    void droppingAndReplayingEveryReadModelGivesIdenticalRows() {
        User user = registerSteppedUp();
        String goal = api.post("/api/v1/goals", Map.of("text", "Replay me", "priority", "high",
                "constraints", Map.of("budget", 5)), user.auth()).text("id");
        api.put("/api/v1/goals/" + goal, Map.of("actual_hours", 3.5, "metadata", Map.of("k", "v")), user.auth());
        api.post("/api/v1/goals/" + goal + "/start", null, user.auth());
        String gated = api.post("/api/v1/goals", Map.of("text", "Email the team", "autonomy_level", "L0"),
                user.auth()).text("id");
        String gatedRun = api.post("/api/v1/goals/" + gated + "/start", null, user.auth()).text("run_id");
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/approvals?run_id=" + gatedRun, user.auth()).body()
                .path("total").asInt()).isPositive());
        String approval = api.get("/api/v1/approvals?run_id=" + gatedRun, user.auth()).body().path("items").get(0)
                .path("id").asText();
        api.post("/api/v1/approvals/" + approval, Map.of("decision", "reject", "comments", "no"), user.auth());
        String deleted = api.post("/api/v1/goals", Map.of("text", "Gone"), user.auth()).text("id");
        api.delete("/api/v1/goals/" + deleted, user.auth());
        api.put("/api/v1/auth/preferences", Map.of("theme", "light"), user.auth());
        api.post("/api/v1/memory/upsert", Map.of("source_uri", "notes://replay", "title", "Project Replay kickoff",
                "content", "Met ada@example.org about Project Replay.", "metadata", Map.of("labels", List.of("Ops"))),
                user.auth());
        api.post("/api/v1/memory/upsert", Map.of("source_uri", "notes://gone", "content", "Soon deleted"),
                user.auth());
        api.delete("/api/v1/memory/documents/" + api.get("/api/v1/memory/documents", user.auth()).body()
                .path("items").get(0).path("id").asText(), user.auth());
        api.post("/api/v1/agents/planner/memory", Map.of("memory_type", "fact", "content", Map.of("k", 1)),
                user.auth());
        String agent = api.post("/api/v1/agents", Map.of("name", "replayed", "config", Map.of("preferences",
                Map.of("tone", "dry"))), user.auth()).text("id");
        api.call("PATCH", "/api/v1/agents/" + agent, Map.of("description", "patched"), user.auth());
        api.post("/api/v1/agents/" + agent + "/execute", Map.of("command", Map.of("action", "Analyze the sales numbers"),
                "wait_for_completion", true), user.auth());
        String packaged = api.post("/api/v1/agents", Map.of("name", "packaged"), user.auth()).text("id");
        AgentPackages.upload("http://127.0.0.1:" + port() + "/api/v1/uploads/agent/" + packaged, "a.tar.gz",
                AgentPackages.of(AgentPackages.MANIFEST, AgentPackageIT.ECHO).tarGz(), user.auth());
        eventually(() -> "ready".equals(api.get("/api/v1/agents/" + packaged, user.auth()).text("status")));
        api.post("/api/v1/runtime/" + packaged + "/execute", Map.of("payload", Map.of("input", "again")), user.auth());
        String workflow = api.post("/api/v1/workflows", Map.of("name", "replayed", "nodes", List.of(
                Map.of("id", "sum", "type", "tool", "data", Map.of("tool", "calculator", "parameters",
                        Map.of("numbers", List.of(2, 3)))),
                Map.of("id", "check", "type", "condition", "data", Map.of("expression", "nodes.sum.output.sum > 9")),
                Map.of("id", "after", "type", "agent", "data", Map.of("model", "m"))),
                "edges", List.of(Map.of("id", "e1", "source", "sum", "target", "check"),
                        Map.of("id", "e2", "source", "check", "target", "after"))), user.auth()).text("id");
        api.put("/api/v1/workflows/" + workflow, Map.of("description", "revised"), user.auth());
        String workflowRun = api.post("/api/v1/workflows/" + workflow + "/run", Map.of("input", "x"), user.auth())
                .text("execution_id");
        eventually(() -> "completed".equals(api.get("/api/v1/executions/" + workflowRun, user.auth()).text("status")));
        String removed = api.post("/api/v1/workflows", Map.of("name", "removed"), user.auth()).text("id");
        api.delete("/api/v1/workflows/" + removed, user.auth());
        String session = api.post("/api/sessions", Map.of("name", "replayed"), user.auth()).text("id");
        String task = api.post("/api/sessions/" + session + "/tasks", Map.of("description",
                "write a file named r.md that says replay, then list the files"), user.auth()).text("id");
        eventually(() -> "completed".equals(api.get("/api/tasks/" + task, user.auth()).text("status")));
        api.delete("/api/sessions/" + api.post("/api/sessions", Map.of("name", "gone"), user.auth()).text("id"),
                user.auth());
        String automation = api.post("/api/v1/automations", Map.of("name", "replayed", "trigger", Map.of("type", "event",
                "config", Map.of("event_type", "GoalCreated", "conditions", Map.of("text", "Trigger replay"))),
                "workflow", Map.of("template", "meeting_followup", "parameters", Map.of("autonomy_level", "L3"))),
                user.auth()).text("id");
        api.post("/api/v1/goals", Map.of("text", "Trigger replay"), user.auth());
        eventually(() -> api.get("/api/v1/automations/" + automation + "/firings", user.auth()).body().path("total")
                .asInt() == 1);
        api.put("/api/v1/automations/" + automation, Map.of("is_active", false), user.auth());
        api.delete("/api/v1/automations/" + api.post("/api/v1/automations", Map.of("name", "gone", "trigger",
                Map.of("type", "approval_expired"), "workflow", Map.of("template", "daily_digest")), user.auth())
                .text("id"), user.auth());
        String key = api.post("/api/v1/api-keys", Map.of("name", "replayed"), user.auth()).text("id");
        api.delete("/api/v1/api-keys/" + key, user.auth());
        // other tests leave runs waiting at approval gates; their expiry must not land mid-comparison
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM approval_view WHERE state = 'PENDING'", Long.class) == 0
                && jdbc.queryForObject("SELECT count(*) FROM run_view WHERE status IN ('PENDING', 'RUNNING')",
                Long.class) == 0 && jdbc.queryForObject("SELECT count(*) FROM task_view WHERE status = 'RUNNING'",
                Long.class) == 0 && allCaughtUp());

        // background work (another test's run, a session expiring) may append while we replay; only a cycle
        // during which the store's head stood still can be compared
        for (Runnable replay : List.<Runnable>of(this::replayByEachProcessor, this::replayInOnePass)) {
            for (int attempt = 1; ; attempt++) {
                long head = sealedHead();
                Map<String, List<String>> before = snapshot();
                assertThat(before.get("goal_view")).anyMatch(row -> row.contains(goal));
                replay.run();
                awaitCaughtUp();
                Map<String, List<String>> after = snapshot();
                if (sealedHead() == head || attempt == 3) {
                    assertThat(after).isEqualTo(before);
                    break;
                }
            }
        }
    }

    private void replayByEachProcessor() {
        READ_MODELS.keySet().forEach(this::replayByItsProcessor);
    }

    /** The projections the admin rebuilds, in one read of the store; the other read models by their processors. */
    private void replayInOnePass() {
        List<String> listed = projections.all().stream().map(p -> (String) p.get("name")).toList();
        List<String> together = READ_MODELS.keySet().stream().filter(listed::contains).toList();
        assertThat(together).hasSizeGreaterThan(10);
        projections.replay(together);
        READ_MODELS.keySet().stream().filter(name -> !listed.contains(name)).forEach(this::replayByItsProcessor);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> together.stream()
                .noneMatch(projections::inReplayPass));
        assertThat(together).allSatisfy(name -> assertThat(projections.one(name).get("last_replay_pass"))
                .asString().contains("outcome=completed"));
    }

    private void replayByItsProcessor(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long head = sealedHead();
            return READ_MODELS.keySet().stream().map(name -> ProcessorProgress.of(processing
                    .eventProcessor(name, StreamingEventProcessor.class).orElseThrow()))
                    .allMatch(progress -> progress.caughtUp() && progress.position() >= head);
        });
    }

    /** A processor reports "replaying" until an event past the reset point arrives, so only catching up counts. */
    private boolean allCaughtUp() {
        return java.util.stream.Stream.concat(READ_MODELS.keySet().stream(), java.util.stream.Stream.of("run-policies"))
                .allMatch(name -> processing
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow().processingStatus().values()
                .stream().allMatch(status -> status.isCaughtUp()));
    }

    private Map<String, List<String>> snapshot() {
        return READ_MODELS.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toMap(
                table -> table, table -> jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY t::text",
                        String.class)));
    }
}
