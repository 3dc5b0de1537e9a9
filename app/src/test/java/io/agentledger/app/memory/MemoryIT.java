package io.agentledger.app.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Memory on the shared context's real Elasticsearch: relevance, filters, dedupe, walls, deletion. */
class MemoryIT extends IntegrationTest {

    /** A small labelled corpus: each document is about one thing, in words the queries below avoid. */
    private static final Map<String, String[]> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("notes://cooking", new String[]{"Weekend baking", "Preheat the oven, knead the dough for ten "
                + "minutes and let the loaf rise before it goes in. Sourdough needs a starter fed daily."});
        CORPUS.put("notes://finance", new String[]{"Quarterly numbers", "Revenue grew eight percent while operating "
                + "expenses stayed flat; the board approved the dividend and the audit closed without findings."});
        CORPUS.put("notes://travel", new String[]{"Trip to Lisbon", "Flights booked for March, hotel near the river, "
                + "and a day trip to Sintra by train. Pack light jackets."});
        CORPUS.put("notes://pets", new String[]{"Vet visit", "The puppy got its vaccinations and a check-up; the "
                + "veterinarian recommended a diet change and more walks."});
        CORPUS.put("notes://infra", new String[]{"Cluster upgrade", "We rolled the Kubernetes nodes to the new "
                + "version, drained each node first, and the pods rescheduled without downtime."});
        CORPUS.put("notes://garden", new String[]{"Spring planting", "Tomatoes and basil went into the raised beds; "
                + "the soil needs compost and the seedlings need watering every morning."});
    }

    private static Api.Response upsert(Api api, User user, Map<String, Object> body) {
        return api.post("/api/v1/memory/upsert", body, user.auth());
    }

    private static Map<String, Object> doc(String uri, String title, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source_uri", uri);
        body.put("title", title);
        body.put("content", content);
        return body;
    }

    private JsonNode search(User user, String query) {
        Api.Response response = api.get("/api/v1/memory/search?q=" + query, user.auth());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> sourceUris(JsonNode answer) {
        List<String> uris = new ArrayList<>();
        answer.path("results").forEach(r -> uris.add(r.path("item").path("source_uri").asText()));
        return uris;
    }

    private void indexCorpus(User user) {
        CORPUS.forEach((uri, text) -> assertThat(upsert(api, user, doc(uri, text[0], text[1])).status())
                .isEqualTo(200));
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/memory/documents?is_indexed=true&size=50",
                user.auth()).body().path("total").asInt()).isEqualTo(CORPUS.size()));
        searchable(user, CORPUS.size());
    }

    /** Indexed items become searchable at the index's next refresh (within a second). */
    private void searchable(User user, int documents) {
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/memory/search?type=document&limit=100&q="
                + "the+a+and+of+to+in", user.auth()).body().path("total").asInt()).isGreaterThanOrEqualTo(documents));
    }

    @Test
    void aParaphraseFindsItsDocumentFirstAndAKeywordRanksTheExactMatchFirstWithHighlights() {
        User user = register();
        indexCorpus(user);

        JsonNode paraphrase = search(user, "caring+for+a+young+dog+at+the+animal+doctor&type=document");
        assertThat(sourceUris(paraphrase).get(0)).isEqualTo("notes://pets");
        JsonNode bread = search(user, "making+homemade+bread&type=document");
        assertThat(sourceUris(bread).get(0)).isEqualTo("notes://cooking");

        JsonNode keyword = search(user, "Sintra&type=document");
        assertThat(sourceUris(keyword).get(0)).isEqualTo("notes://travel");
        JsonNode top = keyword.path("results").get(0);
        assertThat(top.path("highlights").path("content").get(0).asText()).contains("<em>Sintra</em>");
        assertThat(top.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(keyword.path("query").asText()).isEqualTo("Sintra");
        assertThat(keyword.path("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(top.path("item").path("title").asText()).isEqualTo("Trip to Lisbon");
    }

    @Test
    void theSameHashChangesNothingAndTheSameSourceUriUpdatesTheDocument() {
        User user = register();
        Map<String, Object> first = doc("gmail://message/1", "Budget", "The budget for the offsite is fixed.");
        first.put("hash", "sha256:one");
        Api.Response created = upsert(api, user, first);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.body().path("changed").asBoolean()).isTrue();
        assertThat(created.text("message")).isEqualTo("Document indexed successfully");
        String id = created.text("document_id");
        long version = api.get("/api/v1/memory/documents", user.auth()).body().path("items").get(0).path("version")
                .asLong();

        first.put("content", "Different words but the same hash");
        Api.Response again = upsert(api, user, first);
        assertThat(again.body().path("changed").asBoolean()).isFalse();
        assertThat(again.text("document_id")).isEqualTo(id);
        assertThat(api.get("/api/v1/memory/documents", user.auth()).body().path("items").get(0).path("version")
                .asLong()).isEqualTo(version);

        Map<String, Object> changed = doc("gmail://message/1", "Budget", "The offsite moved to a lakeside venue.");
        Api.Response updated = upsert(api, user, changed);
        assertThat(updated.text("document_id")).isEqualTo(id);
        assertThat(updated.body().path("changed").asBoolean()).isTrue();
        JsonNode documents = api.get("/api/v1/memory/documents", user.auth()).body();
        assertThat(documents.path("total").asInt()).isEqualTo(1);
        assertThat(documents.path("items").get(0).path("hash").asText()).startsWith("sha256:").isNotEqualTo(
                "sha256:one");
        eventuallyAsserted(() -> assertThat(sourceUris(search(user, "lakeside&type=document")))
                .containsExactly("gmail://message/1"));
        assertThat(search(user, "fixed&type=document").path("results")).isEmpty();
    }

    @Test
    void filtersNarrowSearchAndListsAndEpisodesAndEntitiesAreDerived() {
        User user = register();
        Map<String, Object> mail = doc("gmail://message/77", "Project Apollo update",
                "Hi team, the Apollo launch slipped a week. Ping grace@acme.io with questions.");
        mail.put("app", "gmail");
        mail.put("owner", "lead@acme.io");
        mail.put("metadata", Map.of("thread_id", "t-1", "labels", List.of("Important", "Launch")));
        mail.put("sensitivity", "private");
        Map<String, Object> note = doc("notes://standup", "Standup meeting", "Apollo launch status reviewed.");
        note.put("app", "notes");
        note.put("sensitivity", "public");
        assertThat(upsert(api, user, mail).status()).isEqualTo(200);
        assertThat(upsert(api, user, note).status()).isEqualTo(200);
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/memory/documents?is_indexed=true", user.auth()).body()
                .path("total").asInt()).isEqualTo(2));
        eventuallyAsserted(() -> assertThat(search(user, "Apollo&type=entity").path("results")).isNotEmpty());
        eventuallyAsserted(() -> assertThat(search(user, "Apollo+launch&type=document").path("total").asInt())
                .isEqualTo(2));

        assertThat(sourceUris(search(user, "Apollo+launch&type=document&tags=Important")))
                .containsExactly("gmail://message/77");
        assertThat(sourceUris(search(user, "Apollo+launch&type=document&sensitivity=public")))
                .containsExactly("notes://standup");
        assertThat(sourceUris(search(user, "Apollo+launch&type=document&owner=lead@acme.io")))
                .containsExactly("gmail://message/77");
        assertThat(search(user, "Apollo+launch&date_to=2000-01-01").path("results")).isEmpty();
        assertThat(search(user, "Apollo+launch&type=document&date_from=2000-01-01&limit=1").path("results"))
                .hasSize(1);
        JsonNode episodes = search(user, "Apollo+launch&type=episode");
        assertThat(episodes.path("results")).isNotEmpty();
        episodes.path("results").forEach(r -> assertThat(r.path("item").path("type").asText()).isEqualTo("episode"));
        JsonNode entities = search(user, "Apollo&type=entity");
        assertThat(entities.path("results").get(0).path("item").path("name").asText()).isEqualTo("Apollo");

        assertThat(ids(api.get("/api/v1/memory/documents?app=gmail", user.auth()).body())).hasSize(1);
        assertThat(api.get("/api/v1/memory/documents?sensitivity=public", user.auth()).body().path("items").get(0)
                .path("source_uri").asText()).isEqualTo("notes://standup");
        JsonNode page = api.get("/api/v1/memory/documents?size=1&page=2", user.auth()).body();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("pages").asInt()).isEqualTo(2);

        JsonNode emails = api.get("/api/v1/memory/episodes?type=email", user.auth()).body();
        assertThat(emails.path("total").asInt()).isEqualTo(1);
        assertThat(emails.path("items").get(0).path("participants").toString()).contains("grace@acme.io",
                "lead@acme.io");
        assertThat(api.get("/api/v1/memory/episodes?type=meeting", user.auth()).body().path("total").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/memory/episodes?participants=grace@acme.io", user.auth()).body().path("total")
                .asInt()).isEqualTo(1);
        JsonNode projects = api.get("/api/v1/memory/entities?type=project", user.auth()).body();
        assertThat(projects.path("items").get(0).path("name").asText()).isEqualTo("Apollo");
        assertThat(projects.path("items").get(0).path("is_active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/memory/entities?type=organization", user.auth()).body().path("items").get(0)
                .path("name").asText()).isEqualTo("acme.io");
        assertThat(api.get("/api/v1/memory/entities?type=topic", user.auth()).body().toString())
                .contains("important", "launch");
    }

    @Test
    void anotherTenantSeesNothingAndPrivateDocumentsStayWithTheirUploaderAndPermittedRoles() {
        User owner = register();
        Map<String, Object> secret = doc("notes://salary", "Salary review", "Compensation bands for the engineers.");
        secret.put("sensitivity", "private");
        Map<String, Object> open = doc("notes://handbook", "Handbook", "Compensation philosophy for everyone.");
        assertThat(upsert(api, owner, secret).status()).isEqualTo(200);
        assertThat(upsert(api, owner, open).status()).isEqualTo(200);
        eventuallyAsserted(() -> assertThat(sourceUris(search(owner, "compensation&type=document")))
                .containsExactlyInAnyOrder("notes://salary", "notes://handbook"));

        User stranger = register();
        assertThat(search(stranger, "compensation").path("results")).isEmpty();
        assertThat(api.get("/api/v1/memory/documents", stranger.auth()).body().path("total").asInt()).isZero();
        String secretId = api.get("/api/v1/memory/documents?sensitivity=private", owner.auth()).body().path("items")
                .get(0).path("id").asText();
        assertThat(api.delete("/api/v1/memory/documents/" + secretId, stranger.auth()).status()).isEqualTo(404);

        User auditor = invite(owner, "auditor");
        assertThat(sourceUris(search(auditor, "compensation&type=document"))).containsExactly("notes://handbook");
        assertThat(api.get("/api/v1/memory/documents", auditor.auth()).body().path("total").asInt()).isEqualTo(1);
        assertThat(upsert(api, auditor, doc("notes://x", "x", "x")).status()).isEqualTo(403);
        User colleague = invite(owner, "user");
        assertThat(sourceUris(search(colleague, "compensation&type=document")))
                .containsExactlyInAnyOrder("notes://salary", "notes://handbook");
        Map<String, Object> confidential = doc("notes://merger", "Merger", "Compensation after the merger.");
        confidential.put("sensitivity", "confidential");
        assertThat(upsert(api, owner, confidential).status()).isEqualTo(200);
        eventuallyAsserted(() -> assertThat(sourceUris(search(owner, "merger&type=document")))
                .containsExactly("notes://merger"));
        assertThat(search(colleague, "merger&type=document").path("results")).isEmpty();
        assertThat(upsert(api, colleague, confidential).status()).isEqualTo(403);
    }

    /** A keyword beyond Lucene's term limit once failed the document's bulk write, and every one after it. */
    @Test
    void aTagLongerThanAKeywordTermIsStoredAndTheIndexKeepsFollowingDeletes() {
        User user = register();
        Map<String, Object> huge = doc("notes://huge-tag", "Quasar", "Quasar observations with a giant tag");
        huge.put("metadata", Map.of("tags", List.of("t".repeat(33_000))));
        String hugeId = upsert(api, user, huge).text("document_id");
        String nextId = upsert(api, user, doc("notes://after-huge", "Pulsar", "Pulsar timing notes"))
                .text("document_id");
        eventuallyAsserted(() -> assertThat(search(user, "Quasar").path("results").findValuesAsText("document_id"))
                .contains(hugeId));
        eventuallyAsserted(() -> assertThat(search(user, "Pulsar").path("results").findValuesAsText("document_id"))
                .contains(nextId));

        assertThat(api.delete("/api/v1/memory/documents/" + hugeId, user.auth()).status()).isEqualTo(200);

        eventuallyAsserted(() -> assertThat(search(user, "Quasar").path("results")).isEmpty());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE aggregateidentifier = ?",
                Long.class, hugeId)).isZero();
    }

    @Test
    void deletingADocumentRemovesItFromEveryIndex() {
        User user = register();
        Map<String, Object> body = doc("gmail://message/9", "Project Zephyr", "Zephyr kickoff with kim@zephyr.dev");
        body.put("app", "gmail");
        String id = upsert(api, user, body).text("document_id");
        eventuallyAsserted(() -> assertThat(search(user, "Zephyr").path("results").size()).isGreaterThanOrEqualTo(3));

        Api.Response deleted = api.delete("/api/v1/memory/documents/" + id, user.auth());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/memory/documents", user.auth()).body().path("total").asInt()).isZero();
        assertThat(api.get("/api/v1/memory/episodes", user.auth()).body().path("total").asInt()).isZero();
        assertThat(api.get("/api/v1/memory/entities?is_active=false", user.auth()).body().toString())
                .contains("Zephyr", "kim@zephyr.dev");
        assertThat(api.get("/api/v1/memory/entities?is_active=true", user.auth()).body().path("total").asInt())
                .isZero();
        eventuallyAsserted(() -> assertThat(search(user, "Zephyr").path("results")).isEmpty());
        assertThat(api.delete("/api/v1/memory/documents/" + id, user.auth()).status()).isEqualTo(404);
        eventuallyAsserted(() -> assertThat(api.get("/api/v1/audit/logs?resource_id=" + id, user.auth()).body()
                .path("items").findValuesAsText("action")).containsExactly("memory.delete", "memory.upsert"));
    }

    @Test
    void malformedOversizedAndUnauthorizedRequestsAreRefusedAndChangeNothing() {
        User user = register();
        assertThat(api.get("/api/v1/memory/search?q=x").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/memory/search", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/search?q=x&type=song", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/search?q=x&limit=0", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/search?q=x&date_from=yesterday", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/search?q=x&date_from=2024-02-01&date_to=2024-01-01", user.auth())
                .status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/search?q=x&sensitivity=secret", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/episodes?type=dance", user.auth()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/memory/entities?type=planet", user.auth()).status()).isEqualTo(422);
        assertThat(upsert(api, user, Map.of("content", "no uri")).status()).isEqualTo(422);
        assertThat(upsert(api, user, Map.of("source_uri", "x://1", "content", " ")).status()).isEqualTo(422);
        Map<String, Object> bad = doc("x://2", "t", "c");
        bad.put("sensitivity", "secret");
        assertThat(upsert(api, user, bad).status()).isEqualTo(422);
        bad.put("sensitivity", "public");
        bad.put("ttl_days", 0);
        assertThat(upsert(api, user, bad).status()).isEqualTo(422);
        bad.remove("ttl_days");
        bad.put("metadata", Map.of("labels", "not-a-list"));
        assertThat(upsert(api, user, bad).status()).isEqualTo(422);
        bad.remove("metadata");
        bad.put("unknown_field", 1);
        assertThat(upsert(api, user, bad).status()).isEqualTo(422);
        bad.remove("unknown_field");
        bad.put("content", "x".repeat(70_000));
        assertThat(upsert(api, user, bad).status()).isEqualTo(413);
        assertThat(api.get("/api/v1/memory/documents", user.auth()).body().path("total").asInt()).isZero();
    }

    @Test
    void agentsKeepMemoryOfTheirOwnQueriedByTypeTagsAndTime() throws InterruptedException {
        User user = register();
        String path = "/api/v1/agents/planner/memory";
        Api.Response stored = api.post(path, Map.of("memory_type", "preference", "content",
                Map.of("tone", "brief"), "tags", List.of("style", "user")), user.auth());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.text("id")).startsWith("mem_");
        api.post(path, Map.of("memory_type", "fact", "content", "The user lives in Lisbon", "tags",
                List.of("user")), user.auth());
        api.post(path, Map.of("memory_type", "fact", "content", "short-lived", "ttl", 1), user.auth());
        api.post("/api/v1/agents/executor/memory", Map.of("memory_type", "fact", "content", "other agent"),
                user.auth());

        assertThat(api.get(path + "?memory_type=fact", user.auth()).body().path("count").asInt()).isEqualTo(2);
        assertThat(api.get(path + "?tags=user", user.auth()).body().path("count").asInt()).isEqualTo(2);
        assertThat(api.get(path + "?tags=user,style", user.auth()).body().path("items").get(0).path("content")
                .path("tone").asText()).isEqualTo("brief");
        assertThat(api.get(path + "?limit=1", user.auth()).body().path("items")).hasSize(1);
        assertThat(api.get(path + "?since=2999-01-01", user.auth()).body().path("count").asInt()).isZero();
        Thread.sleep(1500);
        assertThat(api.get(path + "?memory_type=fact", user.auth()).body().path("count").asInt()).isEqualTo(1);
        assertThat(api.get(path, register().auth()).body().path("count").asInt()).isZero();

        assertThat(api.get("/api/v1/agents/astrologer/memory", user.auth()).status()).isEqualTo(404);
        assertThat(api.post(path, Map.of("memory_type", "Bad Type", "content", 1), user.auth()).status())
                .isEqualTo(422);
        assertThat(api.post(path, Map.of("memory_type", "fact"), user.auth()).status()).isEqualTo(422);
        assertThat(api.post(path, Map.of("memory_type", "fact", "content", "x".repeat(20_000)), user.auth())
                .status()).isEqualTo(422);
        assertThat(api.get(path + "?limit=500", user.auth()).status()).isEqualTo(422);
    }
}
