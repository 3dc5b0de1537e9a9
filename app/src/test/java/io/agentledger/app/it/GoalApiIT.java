package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class GoalApiIT extends IntegrationTest {

    private Api.Response create(User user, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/goals", body, user.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private String createGoal(User user, String text, String priority, String level) {
        return create(user, Map.of("text", text, "priority", priority, "autonomy_level", level)).text("id");
    }

    @Test
    void aCreatedGoalIsReturnedWithEveryFieldOfTheSeed() {
        User user = register();
        Map<String, Object> body = new HashMap<>();
        body.put("text", "Research and implement new AI features");
        body.put("autonomy_level", "L3");
        body.put("constraints", Map.of("budget", 25000, "team", List.of("a", "b")));
        body.put("priority", "urgent");
        body.put("due_date", "2030-03-31T23:59:59Z");
        body.put("estimated_hours", 60);
        body.put("metadata", Map.of("category", "product"));
        Api.Response response = create(user, body);

        JsonNode goal = response.body();
        assertThat(goal.path("id").asText()).startsWith("goal_");
        assertThat(response.header("Location")).contains("/api/v1/goals/" + goal.path("id").asText());
        assertThat(response.header("ETag")).contains("\"0\"");
        assertThat(goal.path("tenant_id").asText()).isEqualTo(user.tenantId());
        assertThat(goal.path("created_by").asText()).isEqualTo(user.id());
        assertThat(goal.path("status").asText()).isEqualTo("draft");
        assertThat(goal.path("autonomy_level").asText()).isEqualTo("L3");
        assertThat(goal.path("priority").asText()).isEqualTo("urgent");
        assertThat(goal.path("constraints").path("team").size()).isEqualTo(2);
        assertThat(goal.path("due_date").asText()).isEqualTo("2030-03-31T23:59:59Z");
        assertThat(goal.path("estimated_hours").asDouble()).isEqualTo(60.0);
        assertThat(goal.path("actual_hours").isNull()).isTrue();
        assertThat(goal.path("metadata").path("category").asText()).isEqualTo("product");
        assertThat(goal.path("tasks").isArray()).isTrue();
        assertThat(goal.path("runs").isArray()).isTrue();
        assertThat(goal.path("created_at").asText()).isNotBlank();

        Api.Response read = api.get("/api/v1/goals/" + goal.path("id").asText(), user.auth());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(goal);
    }

    @Test
    void listsFilterByEachCriterionAndPaginate() {
        User user = register();
        String a = createGoal(user, "Launch the ROCKET campaign", "high", "L1");
        String b = createGoal(user, "Write the quarterly report", "low", "L2");
        String c = createGoal(user, "Plan the rocket offsite", "high", "L3");
        api.put("/api/v1/goals/" + b, Map.of("status", "cancelled"), user.auth());

        assertThat(ids(list(user, ""))).containsExactlyInAnyOrder(a, b, c);
        assertThat(ids(list(user, "?priority=high"))).containsExactlyInAnyOrder(a, c);
        assertThat(ids(list(user, "?autonomy_level=L3"))).containsExactly(c);
        assertThat(ids(list(user, "?status=cancelled"))).containsExactly(b);
        assertThat(ids(list(user, "?status=draft&priority=high"))).containsExactlyInAnyOrder(a, c);
        assertThat(ids(list(user, "?search=rocket"))).containsExactlyInAnyOrder(a, c);
        assertThat(ids(list(user, "?search=100%25"))).isEmpty();

        JsonNode page1 = list(user, "?size=2&page=1");
        JsonNode page2 = list(user, "?size=2&page=2");
        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(page1.path("pages").asInt()).isEqualTo(2);
        assertThat(page1.path("size").asInt()).isEqualTo(2);
        assertThat(ids(page1)).hasSize(2);
        assertThat(ids(page2)).hasSize(1).doesNotContainAnyElementsOf(ids(page1));
        assertThat(ids(page1)).first().isEqualTo(c);
    }

    @Test
    void badListParametersAreRefused() {
        User user = register();
        assertThat(api.get("/api/v1/goals?size=101", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/goals?page=0", user.auth()).status()).isEqualTo(422);
        Api.Response badStatus = api.get("/api/v1/goals?status=sleeping", user.auth());
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.body().path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(api.get("/api/v1/goals?page=abc", user.auth()).status()).isEqualTo(422);
    }

    @Test
    void updatesApplyTheGivenFieldsAndStaleVersionsAreConflicts() {
        User user = register();
        String id = createGoal(user, "First text", "low", "L1");

        Api.Response updated = api.put("/api/v1/goals/" + id, Map.of("priority", "urgent", "estimated_hours", 100),
                user.auth("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("priority")).isEqualTo("urgent");
        assertThat(updated.text("text")).isEqualTo("First text");
        assertThat(updated.body().path("version").asLong()).isEqualTo(1);
        assertThat(updated.header("ETag")).contains("\"1\"");

        Api.Response staleHeader = api.put("/api/v1/goals/" + id, Map.of("text", "Lost update"), user.auth("If-Match", "\"0\""));
        Api.Response staleBody = api.put("/api/v1/goals/" + id, Map.of("text", "Lost update", "expected_version", 0),
                user.auth());
        assertThat(staleHeader.status()).isEqualTo(409);
        assertThat(staleHeader.text("code")).isEqualTo("VERSION_CONFLICT");
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/goals/" + id, user.auth()).text("text")).isEqualTo("First text");

        Api.Response current = api.put("/api/v1/goals/" + id, Map.of("text", "Second text", "expected_version", 1),
                user.auth());
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.text("text")).isEqualTo("Second text");
    }

    @Test
    void concurrentUpdatesOfTheSameVersionLetExactlyOneWin() throws Exception {
        User user = register();
        String id = createGoal(user, "Contended", "low", "L1");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "writer " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return api.put("/api/v1/goals/" + id, Map.of("text", text), user.auth("If-Match", "\"0\""))
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isEqualTo(2L);
    }

    @Test
    void deletingRemovesTheGoalFromReadsButKeepsItsHistory() {
        User user = register();
        String id = createGoal(user, "To be deleted", "medium", "L2");

        Api.Response deleted = api.delete("/api/v1/goals/" + id, user.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Goal deleted successfully");

        assertThat(statusesOfEveryGoalRoute(id, user)).containsOnly(404);
        assertThat(ids(list(user, ""))).doesNotContain(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isEqualTo(2L);
    }

    @Test
    void startingRecordsAPendingRunAndActivatesTheGoal() {
        User user = register();
        String id = createGoal(user, "Start me", "medium", "L0");

        Api.Response started = api.post("/api/v1/goals/" + id + "/start", null, user.auth());
        assertThat(started.status()).isEqualTo(202);
        String runId = started.text("run_id");
        assertThat(runId).startsWith("run_");
        assertThat(started.text("message")).isEqualTo("Goal execution started");

        assertThat(api.get("/api/v1/goals/" + id, user.auth()).text("status")).isEqualTo("active");
        eventually(() -> api.get("/api/v1/goals/" + id, user.auth()).body().path("runs").size() == 1);
        JsonNode run = api.get("/api/v1/goals/" + id, user.auth()).body().path("runs").get(0);
        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("status").asText()).isIn("pending", "running", "paused");

        assertThat(api.post("/api/v1/goals/" + id + "/start", null, user.auth()).status()).isEqualTo(409);
    }

    @Test
    void anotherTenantGetsNotFoundOnEveryGoalRoute() {
        User owner = register();
        User stranger = register();
        String id = createGoal(owner, "Private plans", "high", "L2");
        long events = eventsOf(id);

        assertThat(statusesOfEveryGoalRoute(id, stranger)).containsOnly(404);
        assertThat(ids(list(stranger, ""))).doesNotContain(id);
        assertThat(eventsOf(id)).isEqualTo(events);
        assertThat(api.get("/api/v1/goals/" + id, owner.auth()).text("text")).isEqualTo("Private plans");
    }

    @Test
    void anUnknownGoalIsNotFound() {
        User user = register();
        assertThat(statusesOfEveryGoalRoute("goal_nope", user)).containsOnly(404);
    }

    /** The statuses of GET, PUT, start and DELETE on one goal. */
    private List<Integer> statusesOfEveryGoalRoute(String id, User user) {
        return List.of(api.get("/api/v1/goals/" + id, user.auth()).status(),
                api.put("/api/v1/goals/" + id, Map.of("text", "taken over"), user.auth()).status(),
                api.post("/api/v1/goals/" + id + "/start", null, user.auth()).status(),
                api.delete("/api/v1/goals/" + id, user.auth()).status());
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private JsonNode list(User user, String query) {
        Api.Response response = api.get("/api/v1/goals" + query, user.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }
}
