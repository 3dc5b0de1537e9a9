package io.agentledger.app.credential;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.DatabaseScan;
import io.agentledger.app.support.Processors;
import io.agentledger.app.support.StandaloneService;
import io.agentledger.app.support.StepUps;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Connectors against a local OAuth 2.0 provider over HTTP: connect, refresh, sync, change, remove, refusals. */
class ConnectorsIT {

    private static final String CLIENT_SECRET = "client-secret-" + UUID.randomUUID();
    private static final String PROVIDER = "/api/v1/connectors/mailhub";

    private static OAuthProviderStub provider;
    private static ConfigurableApplicationContext service;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        provider = new OAuthProviderStub(CLIENT_SECRET);
        String settings = "--agentledger.connectors.providers.mailhub.";
        service = StandaloneService.start(null,
                settings + "auth-url=https://accounts.example.com/authorize",
                settings + "token-url=" + provider.url("/token"),
                settings + "sync-url=" + provider.url("/sync"),
                settings + "client-id=" + OAuthProviderStub.CLIENT_ID,
                settings + "scopes=mail.read,mail.send",
                settings + "redirect-uri=http://localhost:3000/connectors/callback",
                settings + "display-name=Mail Hub",
                "--agentledger.connectors.state-ttl=PT3S",
                "--agentledger.connectors.refresh-interval=PT0.3S");
        api = StandaloneService.api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
        provider.close();
    }

    @Test
    void aConnectorIsConnectedRefreshedSyncedChangedAndRemoved() {
        String[] auth = userWithClientSecret();
        Api.Response started = api.get(PROVIDER + "/oauth/start?name=Work%20Mail", auth);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String state = started.text("state");
        Map<String, String> query = UriComponentsBuilder.fromUriString(started.text("authorization_url")).build()
                .getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("client_id", OAuthProviderStub.CLIENT_ID).containsEntry("state", state)
                .containsEntry("response_type", "code").containsEntry("scope", "mail.read%20mail.send");

        Api.Response connected = api.post(PROVIDER + "/oauth/callback", Map.of("code", "good-1", "state", state),
                auth);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.text("message")).isEqualTo("Connector configured successfully");
        String id = connected.text("connector_id");
        assertThat(provider.tokenRequests()).anySatisfy(request -> assertThat(request)
                .containsEntry("grant_type", "authorization_code").containsEntry("code", "good-1")
                .containsEntry("redirect_uri", "http://localhost:3000/connectors/callback"));
        assertThat(api.post(PROVIDER + "/oauth/callback", Map.of("code", "good-1", "state", state), auth).status())
                .as("a state is single-use").isEqualTo(400);

        JsonNode connector = api.get("/api/v1/connectors?provider=mailhub", auth).body().path("items").get(0);
        assertThat(connector.path("id").asText()).isEqualTo(id);
        assertThat(connector.path("name").asText()).isEqualTo("Work Mail");
        assertThat(connector.path("status").asText()).isEqualTo("active");
        assertThat(connector.path("is_enabled").asBoolean()).isTrue();
        assertThat(connector.path("scopes").toString()).isEqualTo("[\"mail.read\",\"mail.send\"]");
        assertThat(api.get("/api/v1/credentials", auth).body().path("items").findValuesAsText("service_name"))
                .containsExactly("connector:mailhub");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(Instant.parse(
                api.get("/api/v1/connectors/" + id, auth).text("token_expires_at")))
                .as("refreshed ahead of its one-minute expiry").isAfter(Instant.now().plusSeconds(1800)));
        assertThat(provider.tokenRequests()).anySatisfy(request -> assertThat(request)
                .containsEntry("grant_type", "refresh_token").containsEntry("client_secret", CLIENT_SECRET));

        Api.Response sync = api.post("/api/v1/connectors/" + id + "/sync", null, auth);
        assertThat(sync.status()).as(sync.toString()).isEqualTo(202);
        String syncId = sync.text("sync_id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode result = api.get("/api/v1/connectors/" + id, auth).body();
            assertThat(result.path("last_sync_result").path("sync_id").asText()).isEqualTo(syncId);
            assertThat(result.path("last_sync_result").path("status").asText()).isEqualTo("completed");
            assertThat(result.path("last_sync_result").path("items_fetched").asInt()).isEqualTo(3);
            assertThat(result.path("last_sync").isTextual()).isTrue();
        });

        assertThat(api.put("/api/v1/connectors/" + id, Map.of("sync_frequency", 5), auth).status()).isEqualTo(422);
        Api.Response changed = api.put("/api/v1/connectors/" + id, Map.of("name", "Team Mail", "sync_frequency", 600,
                "settings", Map.of("labels", List.of("Important"))), auth);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().path("sync_frequency").asInt()).isEqualTo(600);
        assertThat(changed.body().path("settings").path("labels").get(0).asText()).isEqualTo("Important");

        List<String> before = connectorRows();
        replayConnectorDirectory();
        assertThat(connectorRows()).as("connector_view rebuilt from the events").isEqualTo(before);

        String[] stranger = user();
        assertThat(api.get("/api/v1/connectors/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/connectors/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/connectors/" + id + "/sync", null, stranger).status()).isEqualTo(404);

        for (String token : provider.accessTokens()) {
            assertThat(DatabaseScan.tablesContaining(StandaloneService.jdbc(), token)).as(token).isEmpty();
        }
        Api.Response removed = api.delete("/api/v1/connectors/" + id, auth);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.text("message")).isEqualTo("Connector removed successfully");
        assertThat(api.get("/api/v1/connectors/" + id, auth).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/api/v1/credentials", auth).body().path("items")).isEmpty());
    }

    @Test
    void anEmailAutomationFiresOncePerMatchingItemHoweverManySyncsSeeIt() {
        String[] auth = userWithClientSecret();
        String id = api.post(PROVIDER + "/oauth/callback", Map.of("code", "good-5", "state",
                api.get(PROVIDER + "/oauth/start", auth).text("state")), auth).text("connector_id");
        Api.Response automation = api.post("/api/v1/automations", Map.of("name", "Email Classification",
                "trigger", Map.of("type", "gmail", "config", Map.of("provider", "mailhub", "labels", List.of("INBOX"),
                        "keywords", List.of("urgent", "important"))),
                "workflow", Map.of("template", "email_classification", "parameters", Map.of("priority_threshold", 0.8,
                        "auto_label", true))), auth);
        assertThat(automation.status()).as(automation.toString()).isEqualTo(201);
        String automationId = automation.text("id");

        for (int sync = 1; sync <= 2; sync++) {
            String syncId = api.post("/api/v1/connectors/" + id + "/sync", null, auth).text("sync_id");
            await().atMost(Duration.ofSeconds(15)).until(() -> syncId.equals(api.get("/api/v1/connectors/" + id, auth)
                    .body().path("last_sync_result").path("sync_id").asText()));
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/automations/" + automationId
                    + "/firings", auth).body().path("total").asLong() >= 1);
        }
        Processors.awaitCaughtUp(service, "automation-triggers");
        JsonNode firings = api.get("/api/v1/automations/" + automationId + "/firings", auth).body();
        assertThat(firings.path("total").asLong()).as(firings.toString()).isEqualTo(1);
        JsonNode firing = firings.path("items").get(0);
        assertThat(firing.path("trigger_item").asText()).isEqualTo(id + ":m1");
        assertThat(firing.path("trigger_event_type").asText()).isEqualTo("ConnectorItemsSynced");
        String goalId = firing.path("started_id").asText();
        assertThat(api.get("/api/v1/goals/" + goalId, auth).text("text")).startsWith(
                "Classify the email \"Urgent: contract renewal\"").contains("label it");
        assertThat(api.get("/api/v1/automations/" + automationId, auth).body().path("fire_count").asLong())
                .isEqualTo(1);
    }

    @Test
    void unknownReusedExpiredOrForeignStatesAreRefused() {
        String[] auth = userWithClientSecret();
        assertThat(api.post(PROVIDER + "/oauth/callback", Map.of("code", "good-2", "state", "made-up"), auth)
                .status()).isEqualTo(400);
        String foreign = api.get(PROVIDER + "/oauth/start", userWithClientSecret()).text("state");
        assertThat(api.post(PROVIDER + "/oauth/callback", Map.of("code", "good-2", "state", foreign), auth)
                .status()).as("another user's state").isEqualTo(400);
        String expiring = api.get(PROVIDER + "/oauth/start", auth).text("state");
        await().atMost(Duration.ofSeconds(10)).until(() -> StandaloneService.jdbc().queryForObject(
                "SELECT count(*) FROM connector_oauth_state WHERE expires_at > now()", Long.class) == 0);
        Api.Response expired = api.post(PROVIDER + "/oauth/callback", Map.of("code", "good-2", "state", expiring),
                auth);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.text("detail")).contains("unknown, already used or expired");
        assertThat(api.get("/api/v1/connectors", auth).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/connectors/nowhere/oauth/start", auth).status()).isEqualTo(404);
        assertThat(api.get(PROVIDER + "/oauth/start", user()).status()).as("no client secret stored yet")
                .isEqualTo(409);
    }

    @Test
    void aProviderRefusingOrFailingTheExchangeCreatesNothing() {
        String[] auth = userWithClientSecret();
        Api.Response refused = api.post(PROVIDER + "/oauth/callback", Map.of("code", "bad-3", "state",
                api.get(PROVIDER + "/oauth/start", auth).text("state")), auth);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).isEqualTo("The provider refused: invalid_grant (Grant revoked)");
        Api.Response broken = api.post(PROVIDER + "/oauth/callback", Map.of("code", "boom-3", "state",
                api.get(PROVIDER + "/oauth/start", auth).text("state")), auth);
        assertThat(broken.status()).isEqualTo(502);
        assertThat(api.get("/api/v1/connectors", auth).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/credentials", auth).body().path("items")).isEmpty();
    }

    @Test
    void aRefusedRefreshPutsTheConnectorInError() {
        String[] auth = userWithClientSecret();
        String id = api.post(PROVIDER + "/oauth/callback", Map.of("code", "revoking-4", "state",
                api.get(PROVIDER + "/oauth/start", auth).text("state")), auth).text("connector_id");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode connector = api.get("/api/v1/connectors/" + id, auth).body();
            assertThat(connector.path("status").asText()).isEqualTo("error");
            assertThat(connector.path("error_message").asText())
                    .isEqualTo("Token refresh failed: The provider refused: invalid_grant (Grant revoked)");
        });
        assertThat(api.get("/api/v1/connectors?status=error", auth).body().path("total").asLong()).isEqualTo(1);
        assertThat(api.post("/api/v1/connectors/" + id + "/sync", null, auth).status()).isEqualTo(409);
    }

    private static List<String> connectorRows() {
        return StandaloneService.jdbc().queryForList("SELECT t::text FROM connector_view t ORDER BY t::text",
                String.class);
    }

    private static void replayConnectorDirectory() {
        StreamingEventProcessor processor = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor("connector-directory", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long head = ProcessorProgress.head(StandaloneService.jdbc());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ProcessorProgress progress = ProcessorProgress.of(processor);
            return progress.caughtUp() && progress.position() >= head;
        });
    }

    private static String[] user() {
        String name = "conn" + System.nanoTime();
        return new String[]{"Authorization", "Bearer " + api.post("/api/v1/auth/register", Map.of("email",
                name + "@example.com", "username", name, "password", "a long enough password", "full_name", "C"))
                .text("access_token")};
    }

    /** A user (founding a tenant) who stepped up with a backup code and stored the provider's client secret. */
    private static String[] userWithClientSecret() {
        String[] auth = user();
        StepUps.withFirstBackupCode(api, auth);
        assertThat(api.post("/api/v1/secrets", Map.of("name", "MAILHUB_CLIENT_SECRET", "value", CLIENT_SECRET), auth)
                .status()).isEqualTo(201);
        return auth;
    }
}
