package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.command.run.runtime.OfflineAgentRuntime;
import io.agentledger.command.run.runtime.TaskTurns;
import io.agentledger.command.run.runtime.Usage;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.command.run.tool.ToolKind;
import io.agentledger.kernel.goal.PlannedTask;
import io.agentledger.kernel.goal.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs survive the service: an application stopped in the middle of a side-effecting step is
 * replaced by a fresh one on the same database, which finishes the run without repeating any effect.
 * A test tool ({@code slow_write}) blocks inside its step until the test lets it go.
 */
class RunDurabilityIT {

    private static final String PASSWORD = "a long enough password";
    private static final AtomicInteger INVOCATIONS = new AtomicInteger();
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    private static final JdbcTemplate jdbc = StandaloneService.jdbc();

    private static ConfigurableApplicationContext startService() {
        return StandaloneService.start(SlowStepConfiguration.class);
    }

    private static Api api(ConfigurableApplicationContext service) {
        return StandaloneService.api(service);
    }

    private static String[] registerAndStartRun(Api api) {
        String name = "durable" + System.nanoTime();
        String token = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com", "username", name,
                "password", PASSWORD, "full_name", "Durable")).text("access_token");
        String[] auth = {"Authorization", "Bearer " + token};
        String goalId = api.post("/api/v1/goals", Map.of("text", "Write the quarterly report",
                "autonomy_level", "L3"), auth).text("id");
        String runId = api.post("/api/v1/goals/" + goalId + "/start", null, auth).text("run_id");
        return new String[]{auth[0], auth[1], runId};
    }

    private static long outboxRows(String stepKey) {
        return jdbc.queryForObject("SELECT count(*) FROM tool_outbox WHERE idempotency_key = ?", Long.class, stepKey);
    }

    private static long stepEvents(String runId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%StepCompleted'", Long.class, runId);
    }

    private static void awaitStatus(Api api, String[] auth, String runId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(api.get("/api/v1/runs/" + runId, auth).text("status")).isEqualTo(status));
    }

    @Test
    void aRunStoppedMidStepByARestartFinishesOnTheNextServiceWithEachEffectOnce() {
        gate = new CountDownLatch(1);
        INVOCATIONS.set(0);
        ConfigurableApplicationContext first = startService();
        String[] started = registerAndStartRun(api(first));
        String[] auth = {started[0], started[1]};
        String runId = started[2];
        await().atMost(Duration.ofSeconds(60)).until(() -> INVOCATIONS.get() == 1);
        assertThat(outboxRows(runId + ":0")).isEqualTo(1);
        assertThat(outboxRows(runId + ":1")).isZero();

        first.close();
        gate.countDown();
        assertThat(stepEvents(runId)).isEqualTo(1);

        ConfigurableApplicationContext second = startService();
        try {
            awaitStatus(api(second), auth, runId, "completed");
            assertThat(outboxRows(runId + ":0")).isEqualTo(1);
            assertThat(outboxRows(runId + ":1")).isEqualTo(1);
            assertThat(stepEvents(runId)).isEqualTo(2);
            assertThat(INVOCATIONS.get()).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type LIKE '%RunFailed'", Long.class, runId)).isZero();
        } finally {
            second.close();
        }
    }

    @Test
    void aRunningRunPausesAndResumesWithoutRepeatingTheStepItWasIn() {
        gate = new CountDownLatch(1);
        INVOCATIONS.set(0);
        ConfigurableApplicationContext service = startService();
        try {
            Api api = api(service);
            String[] started = registerAndStartRun(api);
            String[] auth = {started[0], started[1]};
            String runId = started[2];
            await().atMost(Duration.ofSeconds(60)).until(() -> INVOCATIONS.get() == 1);

            Api.Response paused = api.post("/api/v1/runs/" + runId + "/pause", null, auth);
            assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
            assertThat(paused.text("status")).isEqualTo("paused");
            assertThat(api.post("/api/v1/runs/" + runId + "/pause", null, auth).status()).isEqualTo(409);

            gate.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(runId + ":1") == 1);
            assertThat(api.get("/api/v1/runs/" + runId, auth).text("status")).isEqualTo("paused");
            assertThat(stepEvents(runId)).isEqualTo(1);

            Api.Response resumed = api.post("/api/v1/runs/" + runId + "/resume", null, auth);
            assertThat(resumed.status()).isEqualTo(200);
            awaitStatus(api, auth, runId, "completed");
            assertThat(INVOCATIONS.get()).isEqualTo(1);
            assertThat(outboxRows(runId + ":1")).isEqualTo(1);
            assertThat(stepEvents(runId)).isEqualTo(2);
        } finally {
            service.close();
        }
    }

    /** Not a component: only the contexts this test starts get these beans. */
    static class SlowStepConfiguration {

        @Bean
        Tool slowWrite() {
            return new Tool() {
                public String name() {
                    return "slow_write";
                }

                public String description() {
                    return "Writes a document, slowly";
                }

                public ToolKind kind() {
                    return ToolKind.SIDE_EFFECTING;
                }

                public BigDecimal estimatedCost() {
                    return BigDecimal.ZERO;
                }

                public Map<String, String> parameters() {
                    return Map.of("title", "document title");
                }

                public Map<String, Object> execute(Map<String, Object> parameters,
                                                   io.agentledger.command.run.tool.ToolEffects effects) {
                    INVOCATIONS.incrementAndGet();
                    effects.record("document", parameters);
                    try {
                        if (!gate.await(90, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never let the step finish");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    return Map.of("status", "written");
                }
            };
        }

        @Bean
        @Primary
        AgentRuntime scriptedPlanRuntime() {
            OfflineAgentRuntime offline = new OfflineAgentRuntime();
            return new AgentRuntime() {
                public String provider() {
                    return "scripted";
                }

                public Outcome<Intent> routeIntent(String goalText) {
                    return offline.routeIntent(goalText);
                }

                public Outcome<List<PlannedTask>> plan(String goalText, String intent, List<Tool> tools) {
                    return new Outcome<>(List.of(
                            new PlannedTask("task-0", "Outline", "Outline the report", Priority.MEDIUM,
                                    BigDecimal.ONE, List.of(), "create_document", Map.of("title", "Outline")),
                            new PlannedTask("task-1", "Write", "Write the report", Priority.HIGH, BigDecimal.ONE,
                                    List.of("task-0"), "slow_write", Map.of("title", "Report"))),
                            Usage.free("scripted", "fixed-plan", 0));
                }

                public Outcome<String> summarize(String goalText, List<Map<String, Object>> steps) {
                    return offline.summarize(goalText, steps);
                }

                public Outcome<String> respond(String instructions, String request) {
                    return offline.respond(instructions, request);
                }

                @Override
                public Outcome<TaskTurns.Turn> act(String task, List<TaskTurns.ToolSpec> tools,
                                                   List<TaskTurns.Entry> history) {
                    return offline.act(task, tools, history);
                }
            };
        }
    }
}
