package io.agentledger.app.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.Processors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Seed 000's automations: templates, validation, every trigger type firing what it asks for, exactly once. */
class AutomationIT extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    private String automation(User user, Map<String, Object> trigger, Map<String, Object> workflow) {
        Api.Response created = api.post("/api/v1/automations", Map.of("name", "auto " + unique("a"), "description",
                "an automation", "trigger", trigger, "workflow", workflow), user.auth());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private JsonNode firings(User user, String automationId) {
        return api.get("/api/v1/automations/" + automationId + "/firings", user.auth()).body();
    }

    private JsonNode awaitFirings(User user, String automationId, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                firings(user, automationId).path("total").asInt() >= atLeast);
        return firings(user, automationId);
    }

    @Test
    void theTemplatesShipWithTypedParameters() {
        JsonNode templates = api.get("/api/v1/automations/templates", register().auth()).body().path("templates");
        assertThat(templates.findValuesAsText("id")).containsExactly("daily_digest", "email_classification",
                "meeting_followup");
        JsonNode meeting = templates.get(2).path("parameters");
        assertThat(meeting.path("task_priority").path("type").asText()).isEqualTo("string");
        assertThat(meeting.path("task_priority").path("enum").toString()).isEqualTo(
                "[\"low\",\"medium\",\"high\",\"urgent\"]");
        assertThat(meeting.path("task_priority").path("default").asText()).isEqualTo("medium");
        assertThat(meeting.path("due_date_offset").path("type").asText()).isEqualTo("integer");
        assertThat(meeting.path("due_date_offset").path("default").asInt()).isEqualTo(7);
    }

    @Test
    void anEventTriggerFiresOnceForTheEventAndNeverForWhatItsOwnGoalCauses() {
        User user = register();
        String automationId = automation(user, Map.of("type", "event", "config", Map.of("event_type", "GoalCreated",
                "conditions", Map.of("priority", "high"))), Map.of("template", "meeting_followup", "parameters",
                Map.of("task_priority", "high", "autonomy_level", "L3")));
        JsonNode saved = api.get("/api/v1/automations/" + automationId, user.auth()).body();
        assertThat(saved.path("workflow").path("parameters").path("due_date_offset").asInt()).as("default filled in")
                .isEqualTo(7);
        assertThat(saved.path("trigger").path("type").asText()).isEqualTo("event");
        assertThat(saved.path("is_active").asBoolean()).isTrue();

        api.post("/api/v1/goals", Map.of("text", "Quiet goal", "priority", "low"), user.auth());
        String goalId = api.post("/api/v1/goals", Map.of("text", "Quarterly planning meeting", "priority", "high"),
                user.auth()).text("id");
        JsonNode firing = awaitFirings(user, automationId, 1).path("items").get(0);
        Processors.awaitCaughtUp(context, "automation-triggers");
        Processors.awaitCaughtUp(context, "automation-triggers");

        assertThat(firings(user, automationId).path("total").asInt()).isEqualTo(1);
        assertThat(firing.path("trigger_event_type").asText()).isEqualTo("GoalCreated");
        assertThat(firing.path("started_type").asText()).isEqualTo("goal");
        String started = firing.path("started_id").asText();
        JsonNode goal = api.get("/api/v1/goals/" + started, user.auth()).body();
        assertThat(goal.path("text").asText()).isEqualTo("Follow up on the meeting \"Quarterly planning meeting\": "
                + "create the follow-up tasks with high priority, due 7 days after the meeting");
        assertThat(goal.path("priority").asText()).isEqualTo("high");
        assertThat(goal.path("metadata").path("automation_id").asText()).isEqualTo(automationId);
        assertThat(api.get("/api/v1/runs/" + firing.path("run_id").asText(), user.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/goals?priority=high", user.auth()).body().path("total").asInt())
                .as("the trigger goal and the one automation goal, no chain").isEqualTo(2);
        assertThat(goalId).isNotEqualTo(started);
        assertThat(api.get("/api/v1/audit/logs?resource_type=automation_firing", user.auth()).body().toString())
                .contains("automation.fire");
    }

    @Test
    void memoryScheduleAndExpiredApprovalTriggersFire() {
        User user = register();
        String tagged = automation(user, Map.of("type", "memory", "config", Map.of("tags", List.of("Meeting"))),
                Map.of("template", "meeting_followup"));
        String scheduled = automation(user, Map.of("type", "schedule", "config", Map.of("cron", "* * * * * *")),
                Map.of("template", "daily_digest", "parameters", Map.of("sections", List.of("goals"))));
        String expired = automation(user, Map.of("type", "approval_expired", "config", Map.of()),
                Map.of("template", "daily_digest"));

        api.post("/api/v1/memory/upsert", Map.of("source_uri", "notes://standup", "title", "Standup notes",
                "content", "We met.", "metadata", Map.of("tags", List.of("meeting", "team"))), user.auth());
        api.post("/api/v1/memory/upsert", Map.of("source_uri", "notes://other", "title", "Other", "content", "x"),
                user.auth());
        JsonNode memoryFiring = awaitFirings(user, tagged, 1).path("items").get(0);
        assertThat(api.get("/api/v1/goals/" + memoryFiring.path("started_id").asText(), user.auth()).text("text"))
                .contains("\"Standup notes\"");

        awaitFirings(user, scheduled, 1);
        assertThat(api.put("/api/v1/automations/" + scheduled, Map.of("is_active", false), user.auth()).body()
                .path("is_active").asBoolean()).isFalse();
        long afterPause = firings(user, scheduled).path("total").asLong();
        sleep(2500);
        assertThat(firings(user, scheduled).path("total").asLong()).as("a paused schedule stops").isLessThanOrEqualTo(
                afterPause + 1);
        JsonNode scheduledFiring = firings(user, scheduled).path("items").get(0);
        assertThat(scheduledFiring.path("trigger_event_type").asText()).isEqualTo("AutomationScheduleFired");

        String gated = api.post("/api/v1/goals", Map.of("text", "Email the team about the launch", "autonomy_level",
                "L0"), user.auth()).text("id");
        api.post("/api/v1/goals/" + gated + "/start", null, user.auth());
        JsonNode approvalFiring = awaitFirings(user, expired, 1).path("items").get(0);
        assertThat(approvalFiring.path("trigger_event_type").asText()).isEqualTo("ApprovalExpired");
        assertThat(firings(user, tagged).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aSavedWorkflowCanBeWhatAFiringStarts() {
        User user = register();
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "on goals", "nodes", List.of(Map.of("id",
                "sum", "type", "tool", "data", Map.of("tool", "calculator", "parameters", Map.of("numbers",
                        List.of(1, 2)))))), user.auth()).text("id");
        String automationId = automation(user, Map.of("type", "event", "config", Map.of("event_type", "GoalCreated")),
                Map.of("workflow_id", workflowId, "parameters", Map.of("channel", "ops")));
        api.post("/api/v1/goals", Map.of("text", "Anything"), user.auth());
        JsonNode firing = awaitFirings(user, automationId, 1).path("items").get(0);
        assertThat(firing.path("started_type").asText()).isEqualTo("workflow_execution");
        String executionId = firing.path("started_id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(api.get("/api/v1/executions/"
                + executionId, user.auth()).text("status")));
        JsonNode execution = api.get("/api/v1/executions/" + executionId, user.auth()).body();
        assertThat(execution.toString()).contains("\"channel\":\"ops\"").contains(automationId);
    }

    @Test
    void badAutomationsAreRefusedAndOthersSeeNothing() {
        User user = register();
        Map<String, Object> trigger = Map.of("type", "event", "config", Map.of("event_type", "GoalCreated"));
        Map<String, Object> template = Map.of("template", "meeting_followup");
        List<Map<String, Object>> bad = List.of(
                Map.of("trigger", trigger, "workflow", template),
                Map.of("name", "x", "trigger", Map.of("type", "telepathy"), "workflow", template),
                Map.of("name", "x", "trigger", Map.of("type", "event", "config", Map.of()), "workflow", template),
                Map.of("name", "x", "trigger", Map.of("type", "event", "config", Map.of("event_type", "GoalCreated",
                        "conditions", Map.of("x", Map.of("nested", 1)))), "workflow", template),
                Map.of("name", "x", "trigger", Map.of("type", "schedule", "config", Map.of("cron", "every day")),
                        "workflow", template),
                Map.of("name", "x", "trigger", Map.of("type", "memory", "config", Map.of("tags", List.of())),
                        "workflow", template),
                Map.of("name", "x", "trigger", trigger, "workflow", Map.of("template", "nope")),
                Map.of("name", "x", "trigger", trigger, "workflow", Map.of("template", "meeting_followup",
                        "parameters", Map.of("due_date_offset", "seven"))),
                Map.of("name", "x", "trigger", trigger, "workflow", Map.of("template", "meeting_followup",
                        "parameters", Map.of("task_priority", "whenever"))),
                Map.of("name", "x", "trigger", trigger, "workflow", Map.of("template", "meeting_followup",
                        "parameters", Map.of("colour", "red"))),
                Map.of("name", "x", "trigger", trigger, "workflow", Map.of("template", "meeting_followup",
                        "workflow_id", "wf_x")),
                Map.of("name", "x", "trigger", trigger, "workflow", Map.of("workflow_id", "wf_nobody")));
        for (Map<String, Object> body : bad) {
            Api.Response refused = api.post("/api/v1/automations", body, user.auth());
            assertThat(refused.status()).as(body + " → " + refused).isEqualTo(422);
            assertThat(refused.text("detail")).isNotBlank();
        }
        Api.Response named = api.post("/api/v1/automations", bad.get(7), user.auth());
        assertThat(named.text("detail")).contains("due_date_offset");
        assertThat(api.get("/api/v1/automations", user.auth()).body().path("total").asInt()).isZero();

        String id = automation(user, trigger, template);
        User stranger = register();
        assertThat(api.get("/api/v1/automations/" + id, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/automations/" + id, Map.of("name", "mine"), stranger.auth()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/automations/" + id, stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/automations/" + id + "/firings", stranger.auth()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/automations", stranger.auth()).body().path("total").asInt()).isZero();
        User auditor = invite(user, "auditor");
        assertThat(api.get("/api/v1/automations/" + id, auditor.auth()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/automations", Map.of("name", "n", "trigger", trigger, "workflow", template),
                auditor.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/automations?size=500", user.auth()).status()).isEqualTo(422);

        Api.Response renamed = api.put("/api/v1/automations/" + id, Map.of("name", "renamed", "workflow",
                Map.of("template", "daily_digest")), user.auth());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().path("name").asText()).isEqualTo("renamed");
        assertThat(renamed.body().path("workflow").path("parameters").path("max_items").asInt()).isEqualTo(10);
        assertThat(api.get("/api/v1/automations?trigger_type=event&is_active=true", user.auth()).body()
                .path("items").findValuesAsText("id")).containsExactly(id);
        assertThat(api.delete("/api/v1/automations/" + id, user.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/automations/" + id, user.auth()).status()).isEqualTo(404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
