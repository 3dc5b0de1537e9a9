package io.agentledger.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.live.JdkWebSocket;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.ServiceProcess;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.app.support.StepUps;
import io.agentledger.app.support.TestSearchNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL and one search node: node A in this JVM (no run workers of its own, so
 * runs and their approval deadlines are node B's), node B the packaged service in a JVM of its own,
 * killed without a word in the last test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String DATABASE = "cluster";
    private static final String DATA = Path.of("target", "cluster-data").toAbsolutePath().toString();
    private static final List<String> SHARED = List.of(
            "--spring.datasource.username=postgres",
            "--agentledger.data-dir=" + DATA,
            "--agentledger.search.index-prefix=cluster-",
            "--agentledger.auth.jwt-secret=cluster-tests-secret-0123456789abcdef",
            "--agentledger.auth.bcrypt-strength=4",
            "--agentledger.cluster.claim-timeout=PT3S",
            "--agentledger.cluster.claim-interval=PT0.5S",
            "--agentledger.cluster.balance-every=PT1S",
            "--agentledger.cluster.heartbeat=PT0.5S",
            "--agentledger.cluster.node-timeout=PT3S",
            "--db-scheduler.polling-interval=PT0.5S",
            "--agentledger.engine.lease=PT3S",
            "--agentledger.engine.poll-interval=PT0.2S",
            "--agentledger.settings.defaults[approvals.deadline_default]=PT15S",
            "--agentledger.settings.defaults[rate_limits.authentication]=60",
            "--agentledger.settings.defaults[rate_limits.read]=1000000",
            "--agentledger.settings.defaults[rate_limits.write]=1000000");

    private static ConfigurableApplicationContext nodeA;
    private static ServiceProcess nodeB;
    private static Api a;
    private static Api b;
    private static JdbcTemplate jdbc;
    private static String[] owner;
    private static String[] loader;

    @BeforeAll
    static void startTwoNodes() {
        StandaloneService.createDatabase(DATABASE);
        List<String> settingsA = new ArrayList<>(SHARED);
        settingsA.addAll(List.of("--agentledger.node.id=node-a", "--agentledger.engine.workers=0",
                "--agentledger.search.url=" + TestSearchNode.url()));
        nodeA = StandaloneService.startOn(DATABASE, null, settingsA.toArray(String[]::new));
        List<String> settingsB = new ArrayList<>(SHARED);
        settingsB.addAll(List.of("--agentledger.node.id=node-b",
                "--spring.datasource.url=" + StandaloneService.jdbcUrl(DATABASE),
                "--agentledger.search.url=" + TestSearchNode.url()));
        nodeB = ServiceProcess.start("cluster-node-b", settingsB);
        a = StandaloneService.api(nodeA);
        b = nodeB.api();
        jdbc = StandaloneService.jdbc(DATABASE);
        owner = StandaloneService.registerUser(a, "cluster");
        loader = StandaloneService.registerUser(b, "loader");
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeSeesTheOtherAndTheyShareTheProcessors() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode cluster = a.get("/health").body().path("components").path("cluster");
            assertThat(cluster.path("node").asText()).isEqualTo("node-a");
            assertThat(cluster.path("live_nodes").asInt()).isEqualTo(2);
            assertThat(cluster.path("peers").get(0).path("node").asText()).isEqualTo("node-b");
            int total = jdbc.queryForObject("SELECT count(*) FROM token_entry", Integer.class);
            int mine = cluster.path("segments").size();
            int theirs = cluster.path("peers").get(0).path("segments").size();
            assertThat(mine + theirs).as("every segment claimed").isEqualTo(total);
            assertThat(Math.abs(mine - theirs)).as("spread: %s against %s", mine, theirs).isLessThanOrEqualTo(1);
        });
        JsonNode fromB = b.get("/health").body().path("components").path("cluster");
        assertThat(fromB.path("node").asText()).isEqualTo("node-b");
        assertThat(fromB.path("peers").get(0).path("node").asText()).isEqualTo("node-a");
        assertThat(fromB.path("peers").get(0).has("address")).as("no addresses for anonymous callers").isFalse();
        JsonNode signedIn = b.get("/api/v1/system/health", owner).body().path("components").path("cluster");
        assertThat(signedIn.path("peers").get(0).path("address").asText()).endsWith(":" + nodeA.getEnvironment()
                .getProperty("local.server.port"));
    }

    @Test
    @Order(2)
    void aReplayAskedOfOneNodeRebuildsAProjectionTheOtherHolds() {
        List<String> heldByB = new ArrayList<>();
        a.get("/health").body().path("components").path("cluster").path("peers").get(0).path("segments")
                .forEach(segment -> heldByB.add(segment.asText().replace("/0", "")));
        String projection = List.of("user-directory", "run-summary", "task-directory", "voice-directory",
                "workflow-directory", "memory-directory", "goal-summary").stream().filter(heldByB::contains)
                .findFirst().orElseThrow(() -> new AssertionError("node B holds no projection: " + heldByB));
        StepUps.withFirstBackupCode(a, owner);
        Api.Response replay = a.post("/api/v1/admin/projections/" + projection + "/replay", null, owner);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.text("replay_started_at")).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Api node : List.of(a, b)) {
                JsonNode progress = node.get("/api/v1/admin/projections/" + projection, owner).body();
                assertThat(progress.path("caught_up").asBoolean()).as(progress.toString()).isTrue();
                assertThat(progress.path("running").asBoolean()).as(progress.toString()).isTrue();
            }
        });
    }

    @Test
    @Order(3)
    void whatOneNodeWritesTheOtherReadsAtOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            Api writer = i % 2 == 0 ? a : b;
            Api reader = i % 2 == 0 ? b : a;
            String goalId = writer.post("/api/v1/goals", Map.of("text", "goal " + i), owner).text("id");
            assertThat(reader.get("/api/v1/goals/" + goalId, owner).body().path("text").asText()).isEqualTo("goal " + i);
            assertThat(reader.put("/api/v1/goals/" + goalId, Map.of("text", "changed " + i), owner).status())
                    .isEqualTo(200);
            assertThat(writer.get("/api/v1/goals/" + goalId, owner).body().path("text").asText())
                    .isEqualTo("changed " + i);
            String agentId = writer.post("/api/v1/agents", Map.of("name", "agent-" + i), owner).text("id");
            assertThat(reader.get("/api/v1/agents/" + agentId, owner).status())
                    .as("a read model another node's processor may keep").isEqualTo(200);
        }

        String contested = a.post("/api/v1/goals", Map.of("text", "contested"), owner).text("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Api node = i % 2 == 0 ? a : b;
            String text = "contested " + i;
            answers.add(pool.submit(() -> node.put("/api/v1/goals/" + contested, Map.of("text", text), owner)
                    .status()));
        }
        int succeeded = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get(60, TimeUnit.SECONDS);
            assertThat(status).as("a concurrent update succeeds or conflicts, never fails").isIn(200, 409);
            succeeded += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, contested)).as("no update lost, none doubled").isEqualTo(1L + succeeded);

        String[] leaving = StandaloneService.registerUser(b, "leaving");
        assertThat(b.get("/api/v1/goals", leaving).status()).isEqualTo(200);
        assertThat(a.post("/api/v1/auth/logout", null, leaving).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(b.get("/api/v1/goals", leaving).status()).as("the other node forgot the session")
                        .isEqualTo(401));

        String[] limited = StandaloneService.registerUser(a, "limited");
        assertThat(b.get("/api/v1/goals", limited).status()).as("node B reads the tenant's settings").isEqualTo(200);
        StepUps.withFirstBackupCode(a, limited);
        assertThat(a.put("/api/v1/system/config", Map.of("settings", Map.of("rate_limits.read", 5)), limited)
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(b.get("/api/v1/goals", limited).status())
                        .as("the other node applies the tenant's lowered limit").isEqualTo(429));
    }

    @Test
    @Order(4)
    void aRunOnOneNodeIsApprovedThroughTheOtherAndFollowedLiveOnEither() throws Exception {
        String token = owner[1].substring("Bearer ".length());
        JdkWebSocket followerOnA = JdkWebSocket.open(URI.create("ws://127.0.0.1:" + nodeA.getEnvironment()
                .getProperty("local.server.port") + "/ws?token=" + token));
        String goalId = b.post("/api/v1/goals", Map.of("text", "Email the team about the launch",
                "autonomy_level", "L2"), owner).text("id");
        assertThat(b.post("/api/v1/goals/" + goalId + "/start", null, owner).status()).isEqualTo(202);
        String approvalId = pendingApproval(goalId);
        assertThat(a.post("/api/v1/approvals/" + approvalId, Map.of("decision", "approve"), owner).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(a.get("/api/v1/goals/" + goalId, owner).body().path("status").asText())
                        .isEqualTo("completed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> types(followerOnA.messages).contains("goal.completed"));
        assertThat(types(followerOnA.messages)).as("node B's run, followed on node A").contains("approval.request");
        followerOnA.close();

        long resumeAfter = followerOnA.messages.get(0).path("position").asLong();
        try (JdkWebSocket resumedOnB = JdkWebSocket.open(URI.create("ws://127.0.0.1:" + nodeB.port() + "/ws?token="
                + token + "&from_position=" + resumeAfter))) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    resumedOnB.messages.size() >= followerOnA.messages.size() - 1);
            assertThat(resumedOnB.messages.get(0).path("position").asLong()).as("resumed on the other node")
                    .isEqualTo(followerOnA.messages.get(1).path("position").asLong());
        }
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("type").asText()).toList();
    }

    @Test
    @Order(5)
    void signInAttemptsAreCountedOnceForTheCluster() {
        int firstRefused = -1;
        for (int i = 0; i < 70 && firstRefused < 0; i++) {
            Api node = i % 2 == 0 ? a : b;
            int status = node.post("/api/v1/auth/login", Map.of("username", "nobody-" + System.nanoTime() % 7,
                    "password", "wrong password"), new String[0]).status();
            if (status == 429) {
                firstRefused = i;
            }
        }
        assertThat(firstRefused).as("refused once the cluster, not each node, reached 60").isBetween(40, 65);
    }

    @Test
    @Order(6)
    void aKilledNodesDeadlineAndSegmentsGoToTheSurvivorAndNothingIsLostOrDoubled() throws Exception {
        String goalId = b.post("/api/v1/goals", Map.of("text", "Email the board about the launch",
                "autonomy_level", "L2"), loader).text("id");
        b.post("/api/v1/goals/" + goalId + "/start", null, loader);
        String approvalId = pendingApproval(goalId, loader);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; loading.get(); i++) {
                    Api node = (i + thread) % 2 == 0 ? a : b;
                    try {
                        Api.Response created = node.post("/api/v1/goals", Map.of("text", "load " + thread + "/" + i),
                                loader);
                        if (created.status() == 201) {
                            acknowledged.add(created.text("id"));
                        }
                    } catch (RuntimeException unreachable) {
                        // node B is gone: not acknowledged
                    }
                }
                return null;
            });
        }
        Thread.sleep(2000);
        nodeB.kill();
        Thread.sleep(3000);
        loading.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode cluster = a.get("/health").body().path("components").path("cluster");
            assertThat(cluster.path("live_nodes").asInt()).isEqualTo(1);
            assertThat(cluster.path("segments").size()).as("the survivor holds every segment")
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM token_entry", Integer.class));
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(a.get("/api/v1/approvals/" + approvalId, loader).body().path("state").asText())
                        .as("the deadline node B scheduled fired on node A").isEqualTo("expired"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%Expired'", Long.class, approvalId)).isEqualTo(1);

        String tenant = jdbc.queryForObject("SELECT tenant_id FROM goal_view WHERE id = ?", String.class, goalId);
        List<String> created = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE "
                + "payload_type LIKE '%GoalCreated' AND aggregate_identifier IN (SELECT id FROM goal_view WHERE "
                + "tenant_id = ?) AND aggregate_identifier <> ?", String.class, tenant, goalId);
        assertThat(acknowledged).as("some load was acknowledged").hasSizeGreaterThan(10);
        assertThat(created).as("every acknowledged create stored once").containsAll(acknowledged)
                .doesNotHaveDuplicates();
        assertThat(created.size() - acknowledged.size()).as("stored but unanswered: only those in flight at the kill")
                .isBetween(0, 4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM goal_view WHERE tenant_id = ? AND id <> ?", Long.class,
                tenant, goalId)).as("one read-model row per stored create").isEqualTo(created.size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> audit = jdbc.queryForMap("SELECT count(*) AS entries, count(DISTINCT position) AS "
                    + "positions FROM audit_log WHERE resource_id IN (SELECT id FROM goal_view WHERE tenant_id = ? AND id <> ?)",
                    tenant, goalId);
            long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN "
                    + "(SELECT id FROM goal_view WHERE tenant_id = ? AND id <> ?)", Long.class, tenant, goalId);
            assertThat(((Number) audit.get("entries")).longValue()).as("one audit entry per event; %s; tokens %s",
                    a.get("/health").body().path("components"), jdbc.queryForList("SELECT processor_name, owner, "
                            + "encode(token, 'escape') FROM token_entry WHERE processor_name = 'audit-log'"))
                    .isEqualTo(events);
            assertThat(((Number) audit.get("positions")).longValue()).isEqualTo(events);
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode verified = a.get("/api/v1/audit/verify", owner).body();
            assertThat(verified.path("scope").asText()).as("the platform's owner verifies all of it")
                    .isEqualTo("platform");
            assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.path("unsealed_events").asLong()).isZero();
            assertThat(verified.path("events_checked").asLong()).as("one chain over both nodes' appends")
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        });
    }

    private static String pendingApproval(String goalId) {
        return pendingApproval(goalId, owner);
    }

    private static String pendingApproval(String goalId, String[] auth) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                runApproval(goalId, auth) != null);
        return runApproval(goalId, auth);
    }

    private static String runApproval(String goalId, String[] auth) {
        for (JsonNode approval : a.get("/api/v1/approvals?state=pending", auth).body().path("items")) {
            if (goalId.equals(approval.path("goal_id").asText())) {
                return approval.path("id").asText();
            }
        }
        return null;
    }
}
