package io.agentledger.app.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.projection.search.EmbeddedSearchNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.app.support.StepUps;
import io.agentledger.projection.search.SearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service on its own embedded Elasticsearch node (the zero-setup path), which the test stops and starts:
 * writes go on while it is away and reach the index when it is back; TTL expiry; rebuild behind the alias.
 * One TTL day lasts three seconds here.
 */
class MemoryOutageIT {

    private static ConfigurableApplicationContext service;
    private static Api api;
    private static String[] auth;

    @BeforeAll
    static void start() throws Exception {
        FileSystemUtils.deleteRecursively(Path.of("target", "standalone-data", "elasticsearch"));
        service = StandaloneService.startOn("memory_outage", null, "--agentledger.search.url=",
                "--agentledger.memory.ttl-day=PT3S");
        api = StandaloneService.api(service);
        auth = StandaloneService.registerUser(api, "outage");
        StepUps.withFirstBackupCode(api, auth); // the first account owns the installation; replays need a step-up
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String upsert(String uri, String content, Integer ttlDays) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("source_uri", uri, "title", uri, "content",
                content));
        if (ttlDays != null) {
            body.put("ttl_days", ttlDays);
        }
        Api.Response response = api.post("/api/v1/memory/upsert", body, auth);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text("document_id");
    }

    private static JsonNode search(String query) {
        return api.get("/api/v1/memory/search?type=document&q=" + query, auth).body();
    }

    private static void eventually(Duration limit, org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(limit).pollInterval(Duration.ofMillis(250)).untilAsserted(assertion);
    }

    @Test
    void writesSurviveElasticsearchBeingAwayAndReachTheIndexWhenItReturns() {
        upsert("notes://before", "Harbour inspection scheduled before the outage.", null);
        eventually(Duration.ofSeconds(30), () -> assertThat(search("harbour").path("total").asInt()).isEqualTo(1));
        EmbeddedSearchNode node = service.getBean(EmbeddedSearchNode.class);

        node.stop();
        try {
            Api.Response refused = api.get("/api/v1/memory/search?q=harbour", auth);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.text("detail")).contains("Search is unavailable");
            JsonNode health = api.get("/health").body();
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("components").path("search").path("status").asText()).isEqualTo("down");
            String during = upsert("notes://during", "Lighthouse repairs logged while search was down.", null);
            JsonNode listed = api.get("/api/v1/memory/documents", auth).body();
            assertThat(listed.path("total").asInt()).isEqualTo(2);
            JsonNode stored = java.util.stream.StreamSupport.stream(listed.path("items").spliterator(), false)
                    .filter(item -> item.path("id").asText().equals(during)).findFirst()
                    .orElseThrow(() -> new AssertionError("the document stored during the outage is listed"));
            assertThat(stored.path("is_indexed").asBoolean()).isFalse();
        } finally {
            node.start();
        }

        eventually(Duration.ofSeconds(90), () -> assertThat(search("lighthouse").path("results").path(0)
                .path("item").path("source_uri").asText()).isEqualTo("notes://during"));
        assertThat(api.get("/api/v1/memory/documents?is_indexed=false", auth).body().path("total").asInt())
                .isZero();
        assertThat(search("harbour").path("total").asInt()).isEqualTo(1);
        eventually(Duration.ofSeconds(10), () -> assertThat(api.get("/health").body().path("status").asText())
                .isEqualTo("healthy"));
    }

    @Test
    void aDocumentPastItsTtlExpiresAsAnEventAndLeavesTheIndices() {
        String id = upsert("notes://ephemeral", "Quokka sighting on the ferry.", 2);
        assertThat(api.get("/api/v1/memory/documents", auth).body().toString()).contains(id, "expires_at");
        eventually(Duration.ofSeconds(30), () -> assertThat(search("quokka").path("total").asInt()).isEqualTo(1));

        eventually(Duration.ofSeconds(30), () -> assertThat(api.get("/api/v1/memory/documents", auth).body()
                .toString()).doesNotContain(id));
        eventually(Duration.ofSeconds(30), () -> assertThat(search("quokka").path("total").asInt()).isZero());
        assertThat(StandaloneService.jdbc("memory_outage").queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%DocumentExpired'", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void aReplayRebuildsIntoANewIndexAndMovesTheAliasWithoutDowntime() throws Exception {
        upsert("notes://rebuild", "Albatross migration notes for the rebuild.", null);
        eventually(Duration.ofSeconds(30), () -> assertThat(search("albatross").path("total").asInt()).isEqualTo(1));
        SearchIndex index = service.getBean("memoryIndex", SearchIndex.class);
        Set<String> before = index.currentIndices();
        assertThat(before).as("one index behind the alias, however many threads created it").hasSize(1);

        Api.Response replay = api.post("/api/v1/admin/projections/memory-search/replay", null, auth);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(search("albatross").path("total").asInt()).as("searches read the old index meanwhile")
                .isEqualTo(1);

        eventually(Duration.ofSeconds(60), () -> {
            assertThat(index.rebuilding()).isNull();
            assertThat(index.currentIndices()).hasSize(1).doesNotContainAnyElementsOf(before);
        });
        eventually(Duration.ofSeconds(10), () -> assertThat(search("albatross").path("total").asInt())
                .isEqualTo(1));
        assertThat(api.get("/api/v1/memory/documents?is_indexed=true", auth).body().path("total").asInt())
                .isGreaterThanOrEqualTo(1);
    }
}
