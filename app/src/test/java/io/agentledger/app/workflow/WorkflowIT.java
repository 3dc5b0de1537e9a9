package io.agentledger.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Seed 004's and seed 003's workflows: versions, validation, and executions in every mode. */
public class WorkflowIT extends IntegrationTest {

    public static Map<String, Object> node(String id, String type, Map<String, Object> data) {
        return Map.of("id", id, "type", type, "data", data, "position", Map.of("x", 0, "y", 0));
    }

    public static Map<String, Object> edge(String source, String target) {
        return Map.of("id", source + "-" + target, "source", source, "target", target);
    }

    String create(User user, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/workflows", body, user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    JsonNode ended(User user, String executionId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> List.of("completed",
                "failed", "stopped").contains(api.get("/api/v1/executions/" + executionId, user.auth()).text("status")));
        return api.get("/api/v1/executions/" + executionId, user.auth()).body();
    }

    JsonNode paused(User user, String executionId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> "paused".equals(
                api.get("/api/v1/executions/" + executionId, user.auth()).text("status")));
        return api.get("/api/v1/executions/" + executionId, user.auth()).body();
    }

    String run(User user, String workflowId, Map<String, Object> body) {
        Api.Response started = api.post("/api/v1/workflows/" + workflowId + "/run", body, user.auth());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.text("workflow_id")).isEqualTo(workflowId);
        return started.text("execution_id");
    }

    /** The field of each item (not of anything nested in it). */
    static List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(name).asText()));
        return values;
    }

    static Map<String, JsonNode> byNode(JsonNode execution) {
        Map<String, JsonNode> nodes = new HashMap<>();
        execution.path("node_logs").forEach(log -> nodes.put(log.path("node_id").asText(), log));
        return nodes;
    }

    Map<String, Object> branching() {
        return Map.of("name", "Branches", "description", "sum, then two conditions", "nodes", List.of(
                node("sum", "tool", Map.of("tool", "calculator", "parameters", Map.of("numbers", List.of(1, 2, 3)),
                        "mock_output", Map.of("sum", 6))),
                node("big", "condition", Map.of("expression", "nodes.sum.output.sum >= 6")),
                node("small", "condition", Map.of("expression", "nodes.sum.output.sum < 6")),
                node("doc", "tool", Map.of("tool", "create_document", "parameters", Map.of("title",
                        "Total {{nodes.sum.output.sum}}", "content", "{{input}}"), "mock_output",
                        Map.of("document", "mocked"))),
                node("unlikely", "tool", Map.of("tool", "create_document", "parameters", Map.of("title", "never"))),
                node("ask", "agent", Map.of("model", "offline", "prompt", "Summarise {{input}}"))),
                "edges", List.of(edge("sum", "big"), edge("sum", "small"), edge("big", "doc"),
                        edge("small", "unlikely"), edge("sum", "ask")));
    }

    @Test
    void aGraphRunsItsBranchesInParallelAndAFalseConditionSkipsWhatFollowsIt() {
        User user = register();
        String workflowId = create(user, branching());
        String executionId = run(user, workflowId, Map.of("input", "hello", "mode", "full"));
        JsonNode execution = ended(user, executionId);
        assertThat(execution.path("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(execution.path("mode").asText()).isEqualTo("full");
        assertThat(execution.path("trigger_type").asText()).isEqualTo("manual");
        assertThat(execution.path("input").asText()).isEqualTo("hello");
        Map<String, JsonNode> nodes = byNode(execution);
        assertThat(nodes.get("sum").path("output").path("sum").asDouble()).isEqualTo(6.0);
        assertThat(nodes.get("big").path("output").path("result").asBoolean()).isTrue();
        assertThat(nodes.get("small").path("output").path("result").asBoolean()).isFalse();
        assertThat(nodes.get("doc").path("output").path("document").asText()).isEqualTo("Total 6");
        assertThat(nodes.get("doc").path("status").asText()).isEqualTo("completed");
        assertThat(nodes.get("doc").path("retry_count").asInt()).isZero();
        assertThat(nodes.get("unlikely").path("status").asText()).isEqualTo("skipped");
        assertThat(nodes.get("unlikely").path("error").asText()).contains("condition small was false");
        assertThat(nodes.get("ask").path("output").path("text").asText()).contains("Offline runtime");
        assertThat(nodes.get("sum").path("duration_ms").isNumber()).isTrue();
        assertThat(execution.path("output").path("doc").path("document").asText()).isEqualTo("Total 6");
        assertThat(execution.path("duration_ms").asLong()).isNotNegative();

        JsonNode listed = api.get("/api/v1/executions?workflow_id=" + workflowId, user.auth()).body();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("limit").asInt()).isEqualTo(100);
        assertThat(listed.path("executions").get(0).path("id").asText()).isEqualTo(executionId);
        assertThat(api.get("/api/v1/workflows/" + workflowId + "/history?page=1&size=5", user.auth()).body()
                .path("items").get(0).path("id").asText()).isEqualTo(executionId);
        JsonNode workflow = api.get("/api/v1/workflows/" + workflowId, user.auth()).body();
        assertThat(workflow.path("execution_count").asLong()).isEqualTo(1);
        assertThat(workflow.path("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(workflow.path("last_executed").asText()).isNotBlank();
    }

    @Test
    void eachSaveIsAVersionReadableByNumberAndTime() throws Exception {
        User user = register();
        String workflowId = create(user, branching());
        Instant between = Instant.now();
        Thread.sleep(20);
        Api.Response renamed = api.put("/api/v1/workflows/" + workflowId, Map.of("name", "Renamed",
                "definition", Map.of("retry_policy", Map.of("max_attempts", 3, "backoff_strategy", "linear",
                        "delay_ms", 10))), user.auth("If-Match", "\"0\""));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.body().path("version").asLong()).isEqualTo(1);
        assertThat(renamed.body().path("nodes").size()).isEqualTo(6);
        assertThat(renamed.body().path("definition").path("retry_policy").path("max_attempts").asInt()).isEqualTo(3);
        assertThat(api.put("/api/v1/workflows/" + workflowId, Map.of("name", "Late"), user.auth("If-Match", "\"0\""))
                .status()).isEqualTo(409);

        assertThat(api.get("/api/v1/workflows/" + workflowId + "?version=0", user.auth()).text("name"))
                .isEqualTo("Branches");
        assertThat(api.get("/api/v1/workflows/" + workflowId + "?as_of=" + between, user.auth()).text("name"))
                .isEqualTo("Branches");
        assertThat(api.get("/api/v1/workflows/" + workflowId, user.auth()).text("name")).isEqualTo("Renamed");
        assertThat(api.get("/api/v1/workflows/" + workflowId + "?version=7", user.auth()).status()).isEqualTo(404);

        JsonNode page = api.get("/api/v1/workflows?limit=10&offset=0", user.auth()).body();
        assertThat(field(page.path("workflows"), "name")).containsExactly("Renamed");
        assertThat(api.get("/api/v1/workflows?page=1&size=10", user.auth()).body().path("items").size())
                .isEqualTo(1);

        assertThat(api.delete("/api/v1/workflows/" + workflowId, user.auth()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/workflows/" + workflowId, user.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/workflows/" + workflowId + "?version=1", user.auth()).text("name"))
                .isEqualTo("Renamed");
        JsonNode history = api.get("/api/v1/history/workflow/" + workflowId, user.auth()).body();
        assertThat(field(history.path("items"), "type")).containsExactly("WorkflowCreated", "WorkflowRevised",
                "WorkflowDeleted");
    }

    @Test
    void mockModeCallsNothingAndDebugModePausesBeforeEveryNode() {
        User user = register();
        String workflowId = create(user, branching());
        String mocked = run(user, workflowId, Map.of("input", "hello", "mode", "mock"));
        JsonNode execution = ended(user, mocked);
        assertThat(execution.path("status").asText()).isEqualTo("completed");
        Map<String, JsonNode> nodes = byNode(execution);
        assertThat(nodes.get("doc").path("output").path("document").asText()).isEqualTo("mocked");
        assertThat(nodes.get("sum").path("output").path("sum").asInt()).isEqualTo(6);
        assertThat(nodes.get("unlikely").path("status").asText()).isEqualTo("skipped");
        assertThat(nodes.get("ask").path("output").path("mock").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tool_invocation WHERE run_id = ?", Long.class, mocked))
                .isZero();

        String twoSteps = create(user, Map.of("name", "Two steps", "nodes", List.of(
                node("first", "tool", Map.of("tool", "calculator", "parameters", Map.of("numbers", List.of(1)))),
                node("second", "tool", Map.of("tool", "calculator", "parameters", Map.of("numbers", List.of(2))))),
                "edges", List.of(edge("first", "second"))));
        String debugged = run(user, twoSteps, Map.of("input", "x", "mode", "debug"));
        assertThat(paused(user, debugged).path("paused_at").asText()).isEqualTo("first");
        assertThat(byNode(api.get("/api/v1/executions/" + debugged, user.auth()).body())).isEmpty();
        assertThat(api.post("/api/v1/executions/" + debugged + "/resume", null, user.auth()).text("message"))
                .isEqualTo("Execution resumed");
        await().atMost(Duration.ofSeconds(30)).until(() -> "second".equals(api.get("/api/v1/executions/" + debugged,
                user.auth()).text("paused_at")));
        assertThat(byNode(api.get("/api/v1/executions/" + debugged, user.auth()).body()).get("first").path("status")
                .asText()).isEqualTo("completed");
        api.post("/api/v1/executions/" + debugged + "/resume", null, user.auth());
        assertThat(ended(user, debugged).path("status").asText()).isEqualTo("completed");
        assertThat(api.post("/api/v1/executions/" + debugged + "/resume", null, user.auth()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/executions/" + debugged + "/stop", null, user.auth()).status()).isEqualTo(400);
    }

    @Test
    void aFailedNodeRetriesByPolicyAndResumesWithoutRunningWhatSucceededAgain() {
        User user = registerSteppedUp();
        String secret = "WF_NOTE_" + System.nanoTime();
        String workflowId = create(user, Map.of("name", "Needs a secret", "nodes", List.of(
                node("first", "tool", Map.of("tool", "create_document", "parameters", Map.of("title", "first"))),
                node("second", "tool", Map.of("tool", "create_document", "parameters", Map.of("title", "second",
                        "content", "{{secret:" + secret + "}}")))),
                "edges", List.of(edge("first", "second")),
                "definition", Map.of("retry_policy", Map.of("max_attempts", 2, "backoff_strategy", "fixed",
                        "delay_ms", 100))));
        String executionId = run(user, workflowId, Map.of("input", "x"));
        JsonNode failed = ended(user, executionId);
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("second");
        Map<String, JsonNode> nodes = byNode(failed);
        assertThat(nodes.get("first").path("status").asText()).isEqualTo("completed");
        assertThat(nodes.get("second").path("status").asText()).isEqualTo("failed");
        assertThat(nodes.get("second").path("retry_count").asInt()).isEqualTo(1);
        JsonNode attempts = api.get("/api/v1/executions/" + executionId + "/logs?node_id=second", user.auth()).body();
        assertThat(field(attempts, "status")).containsExactly("retrying", "failed");

        assertThat(api.post("/api/v1/secrets", Map.of("name", secret, "value", "the-secret-text"), user.auth())
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/executions/" + executionId + "/resume", null, user.auth()).status())
                .isEqualTo(200);
        JsonNode resumed = ended(user, executionId);
        assertThat(resumed.path("status").asText()).as(resumed.toString()).isEqualTo("completed");
        assertThat(byNode(resumed).get("second").path("attempt").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workflow_node_log WHERE execution_id = ? AND node_id = "
                + "'first'", Long.class, executionId)).as("first ran once").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tool_invocation WHERE run_id = ?", Long.class,
                executionId)).isEqualTo(2);
        assertThat(api.get("/api/v1/executions/" + executionId, user.auth()).rawBody())
                .doesNotContain("the-secret-text");
    }

    @Test
    void aStoppedExecutionTakesNoFurtherStep() {
        User user = register();
        String workflowId = create(user, Map.of("name", "Slow retries", "nodes", List.of(
                node("never", "tool", Map.of("tool", "create_document", "parameters", Map.of("content",
                        "{{secret:NOT_THERE_AT_ALL}}")))),
                "edges", List.of(), "definition", Map.of("retry_policy", Map.of("max_attempts", 5,
                        "backoff_strategy", "fixed", "delay_ms", 60_000))));
        String executionId = run(user, workflowId, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "retrying".equals(byNode(api.get("/api/v1/executions/"
                + executionId, user.auth()).body()).getOrDefault("never", MISSING).path("status").asText()));
        assertThat(api.post("/api/v1/executions/" + executionId + "/stop", null, user.auth()).text("message"))
                .isEqualTo("Execution stopped");
        JsonNode stopped = ended(user, executionId);
        assertThat(stopped.path("status").asText()).isEqualTo("stopped");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workflow_work WHERE execution_id = ?", Long.class,
                executionId)).isZero();
        assertThat(byNode(stopped).get("never").path("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void aHumanNodeWaitsForItsApprovalAndTheDecisionDecidesTheExecution() {
        User user = register();
        String workflowId = create(user, Map.of("name", "Gated", "nodes", List.of(
                node("ask", "human", Map.of("prompt", "May we write it?", "action", "write the report")),
                node("write", "tool", Map.of("tool", "create_document", "parameters", Map.of("title", "report")))),
                "edges", List.of(edge("ask", "write"))));
        String approved = run(user, workflowId, Map.of("input", "x"));
        JsonNode approval = pendingApproval(user, approved);
        assertThat(approval.path("node").asText()).isEqualTo("ask");
        assertThat(approval.path("reason").asText()).isEqualTo("May we write it?");
        assertThat(api.get("/api/v1/executions/" + approved, user.auth()).text("status")).isEqualTo("running");
        assertThat(byNode(api.get("/api/v1/executions/" + approved, user.auth()).body())).doesNotContainKey("write");
        assertThat(api.post("/api/v1/approvals/" + approval.path("id").asText(), Map.of("decision", "approve",
                "comments", "go"), user.auth()).status()).isEqualTo(200);
        JsonNode done = ended(user, approved);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(byNode(done).get("ask").path("output").path("decision").asText()).isEqualTo("approve");
        assertThat(byNode(done).get("ask").path("output").path("decided_by").asText()).isEqualTo(user.id());
        assertThat(byNode(done).get("write").path("status").asText()).isEqualTo("completed");

        String rejected = run(user, workflowId, Map.of("input", "y"));
        api.post("/api/v1/approvals/" + pendingApproval(user, rejected).path("id").asText(), Map.of("decision",
                "reject", "comments", "not now"), user.auth());
        JsonNode refused = ended(user, rejected);
        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("error").asText()).contains("rejected by").contains("not now");
        assertThat(byNode(refused).get("write").path("status").asText()).isEqualTo("skipped");

        String mocked = run(user, workflowId, Map.of("input", "z", "mode", "mock"));
        assertThat(ended(user, mocked).path("status").asText()).isEqualTo("completed");
        assertThat(api.get("/api/v1/approvals?run_id=" + mocked, user.auth()).body().path("total").asInt()).isZero();
    }

    @Test
    void aScheduledWorkflowStartsItselfEachTimeItsCronComesDue() {
        User user = register();
        Api.Response created = api.post("/api/v1/workflows", Map.of("name", "Every two seconds", "definition", Map.of(
                "trigger", Map.of("type", "schedule", "conditions", Map.of("cron", "*/2 * * * * *")),
                "steps", List.of(Map.of("id", "tick", "type", "tool", "tool", "calculator", "parameters",
                        Map.of("numbers", List.of(1)))))), user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String workflowId = created.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/executions?workflow_id=" + workflowId
                + "&status=completed", user.auth()).body().path("total").asInt() >= 2);
        JsonNode first = api.get("/api/v1/executions?workflow_id=" + workflowId, user.auth()).body().path("executions")
                .get(0);
        assertThat(first.path("trigger_type").asText()).isEqualTo("schedule");
        assertThat(first.path("trigger_id").asText()).isNotBlank();

        assertThat(api.put("/api/v1/workflows/" + workflowId, Map.of("is_active", false), user.auth()).status())
                .isEqualTo(200);
        long after = api.get("/api/v1/executions?workflow_id=" + workflowId, user.auth()).body().path("total").asLong();
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(api.get("/api/v1/executions?workflow_id=" + workflowId, user.auth()).body().path("total").asLong())
                .as("an inactive workflow is not started by its schedule").isLessThanOrEqualTo(after + 1);

        assertThat(api.post("/api/v1/workflows", Map.of("name", "bad cron", "definition", Map.of("trigger",
                Map.of("type", "schedule", "cron", "every day"))), user.auth()).status()).isEqualTo(422);
    }

    @Test
    void everyNodeTypeRunsInFullMockAndDebugMode() {
        User user = register();
        String agentId = api.post("/api/v1/agents", Map.of("name", "helper"), user.auth()).text("id");
        Map<String, Object> body = Map.of("name", "All types", "nodes", List.of(
                node("think", "agent", Map.of("model", "offline", "prompt", "Plan {{input}}")),
                node("count", "tool", Map.of("tool", "calculator", "parameters", Map.of("numbers", List.of(2, 2)),
                        "mock_output", Map.of("sum", 4))),
                node("enough", "condition", Map.of("expression", "nodes.count.output.sum == 4")),
                node("ok", "human", Map.of("prompt", "Go on?")),
                node("delegate", "agent_package", Map.of("agent_id", agentId, "action", "Analyze the sales numbers"))),
                "edges", List.of(edge("think", "count"), edge("count", "enough"), edge("enough", "ok"),
                        edge("ok", "delegate")));
        String workflowId = create(user, body);

        String mocked = run(user, workflowId, Map.of("input", "m", "mode", "mock"));
        JsonNode mock = ended(user, mocked);
        assertThat(mock.path("status").asText()).as(mock.toString()).isEqualTo("completed");
        assertThat(field(mock.path("node_logs"), "status")).containsOnly("completed");
        assertThat(byNode(mock).get("delegate").path("output").path("mock").asBoolean()).isTrue();

        String debugged = run(user, workflowId, Map.of("input", "d", "mode", "debug"));
        for (String nodeId : List.of("think", "count", "enough", "ok", "delegate")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> nodeId.equals(api.get("/api/v1/executions/"
                    + debugged, user.auth()).text("paused_at")));
            api.post("/api/v1/executions/" + debugged + "/resume", null, user.auth());
            if (nodeId.equals("ok")) {
                api.post("/api/v1/approvals/" + pendingApproval(user, debugged).path("id").asText(),
                        Map.of("decision", "approve"), user.auth());
            }
        }
        JsonNode debug = ended(user, debugged);
        assertThat(debug.path("status").asText()).as(debug.toString()).isEqualTo("completed");
        assertThat(byNode(debug).get("think").path("output").path("text").asText()).contains("Offline runtime");
        assertThat(byNode(debug).get("delegate").path("output").path("output").path("success").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/runtime/executions?agent_id=" + agentId, user.auth()).body().size())
                .as("one agent execution, from the debug run; none from the mock run").isEqualTo(1);
    }

    private JsonNode pendingApproval(User user, String executionId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/approvals?state=pending&run_id="
                + executionId, user.auth()).body().path("total").asInt() == 1);
        return api.get("/api/v1/approvals?state=pending&run_id=" + executionId, user.auth()).body().path("items")
                .get(0);
    }

    private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    @Test
    void validationNamesEveryProblemWithItsNodeAndAnInvalidWorkflowDoesNotRun() {
        User user = register();
        String workflowId = create(user, Map.of("name", "Broken", "nodes", List.of(
                node("mystery", "teleport", Map.of()),
                node("thinker", "agent", Map.of("prompt", "think")),
                node("nowhere", "tool", Map.of("tool", "warp_drive")),
                node("remote", "tool", Map.of("tool", "read_file", "server_id", "srv_missing")),
                node("judge", "condition", Map.of("expression", "input.amount >")),
                node("loner", "agent", Map.of("model", "m")),
                node("packaged", "agent_package", Map.of("agent_id", "agent_of_nobody")),
                node("a", "agent", Map.of("model", "m")), node("b", "agent", Map.of("model", "m"))),
                "edges", List.of(edge("mystery", "thinker"), edge("thinker", "nowhere"), edge("nowhere", "remote"),
                        edge("remote", "judge"), edge("judge", "packaged"), edge("a", "b"), edge("b", "a"),
                        edge("a", "ghost"))));
        JsonNode validation = api.post("/api/v1/workflows/" + workflowId + "/validate", null, user.auth()).body();
        assertThat(validation.path("valid").asBoolean()).isFalse();
        String all = validation.path("errors").toString();
        assertThat(all).contains("unknown type 'teleport'", "Agent node 'thinker' missing model",
                "no server provides tool 'warp_drive'", "srv_missing", "Condition node 'judge'",
                "Node 'loner' is unreachable", "Agent package node 'packaged'", "Workflow contains a cycle",
                "unknown node 'ghost'");
        assertThat(validation.path("errors").get(0).has("node_id")).isTrue();
        Api.Response refused = api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "x"), user.auth());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.rawBody()).contains("Invalid workflow");
        assertThat(api.get("/api/v1/executions?workflow_id=" + workflowId, user.auth()).body().path("total").asLong())
                .isZero();

        JsonNode paios = api.post("/api/v1/workflows/validate", Map.of("definition", Map.of("steps", List.of(
                Map.of("id", "one", "type", "agent", "model", "m", "depends_on", List.of("two")),
                Map.of("id", "two", "type", "agent", "model", "m", "depends_on", List.of("one"))))), user.auth())
                .body();
        assertThat(paios.path("valid").asBoolean()).isFalse();
        assertThat(paios.path("errors").toString()).contains("cycle");
        assertThat(api.post("/api/v1/workflows/validate", Map.of("nodes", List.of(node("ok", "agent",
                Map.of("model", "m")))), user.auth()).body().path("valid").asBoolean()).isTrue();

        assertThat(api.post("/api/v1/workflows", Map.of("name", "dup", "nodes", List.of(node("x", "agent", Map.of()),
                node("x", "agent", Map.of())), "edges", List.of()), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/workflows", Map.of("nodes", List.of()), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/workflows", Map.of("name", "both", "nodes", List.of(), "definition",
                Map.of("steps", List.of())), user.auth()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/workflows", Map.of("name", "bad retry", "definition", Map.of("retry_policy",
                Map.of("max_attempts", 99))), user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/workflows?limit=0", user.auth()).status()).isEqualTo(422);
    }

    @Test
    void seed003StepsAreTheSameGraphAndRunTheTenantsAgents() {
        User user = register();
        long number = api.post("/api/v1/agents", Map.of("name", "helper", "description", "helps"), user.auth()).body()
                .path("agent_number").asLong();
        Api.Response created = api.post("/api/v1/workflows", Map.of("name", "Morning", "description", "003 shape",
                "is_active", true, "definition", Map.of("trigger", Map.of("type", "manual", "conditions", Map.of()),
                        "steps", List.of(
                                Map.of("id", "plan", "agent_number", number, "action", "Schedule a meeting",
                                        "parameters", Map.of("day", "monday")),
                                Map.of("id", "gate", "type", "condition", "expression",
                                        "nodes.plan.output.output.success === true", "depends_on", List.of("plan")),
                                Map.of("id", "report", "agent_number", number, "action", "Write the report",
                                        "parameters", Map.of(), "depends_on", List.of("gate"), "timeout_ms", 20_000)),
                        "error_handling", Map.of("strategy", "fail_fast", "notification_on_error", false),
                        "timeout_ms", 60_000, "retry_policy", Map.of("max_attempts", 1, "backoff_strategy",
                                "fixed", "delay_ms", 0))), user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode workflow = created.body();
        assertThat(field(workflow.path("nodes"), "type")).containsExactly("agent_package", "condition",
                "agent_package");
        assertThat(workflow.path("edges").size()).isEqualTo(2);
        assertThat(workflow.path("definition").path("steps").get(2).path("depends_on").get(0).asText())
                .isEqualTo("gate");
        assertThat(workflow.path("is_active").asBoolean()).isTrue();

        Api.Response started = api.post("/api/v1/workflows/" + workflow.path("id").asText() + "/execute",
                Map.of("input_data", Map.of("who", "me"), "priority", "normal"), user.auth());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String executionId = started.body().path("data").path("execution_id").asText();
        JsonNode execution = ended(user, executionId);
        assertThat(execution.path("status").asText()).as(execution.toString()).isEqualTo("completed");
        assertThat(byNode(execution).get("report").path("output").path("output").path("data").asText())
                .contains("Offline runtime");
        assertThat(api.get("/api/v1/runtime/executions?status=completed", user.auth()).body().size()).isEqualTo(2);
    }

    @Test
    void anotherTenantFindsNothingAndTheAuditLogHasEveryAttempt() {
        User owner = register();
        String workflowId = create(owner, branching());
        String executionId = run(owner, workflowId, Map.of("input", "x"));
        ended(owner, executionId);
        User stranger = register();
        assertThat(api.get("/api/v1/workflows/" + workflowId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/workflows/" + workflowId, Map.of("name", "mine"), stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/workflows/" + workflowId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/workflows/" + workflowId + "/run", Map.of(), stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/workflows/" + workflowId + "/validate", null, stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/workflows/" + workflowId + "/history", stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/executions/" + executionId, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/executions/" + executionId + "/logs", stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/executions/" + executionId + "/stop", null, stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/executions/" + executionId + "/resume", null, stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/executions", stranger.auth()).body().path("total").asLong()).isZero();

        eventually(() -> api.get("/api/v1/audit/logs?resource_id=" + executionId + "&size=100", owner.auth()).body()
                .path("total").asInt() >= 13);
        List<String> actions = new ArrayList<>();
        api.get("/api/v1/audit/logs?resource_id=" + executionId + "&size=100", owner.auth()).body().path("items")
                .forEach(item -> actions.add(item.path("action").asText()));
        assertThat(actions).contains("workflow_execution.start", "workflow_execution.node_start",
                "workflow_execution.node_complete", "workflow_execution.node_skip", "workflow_execution.complete");
    }
}
