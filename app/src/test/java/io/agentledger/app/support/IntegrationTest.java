package io.agentledger.app.support;

import io.agentledger.app.AgentLedgerApplication;
import org.junit.jupiter.api.BeforeEach;
import io.agentledger.app.processing.ProcessorProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every integration test runs against one Spring context (one embedded PostgreSQL) per test JVM:
 * they all declare exactly these properties, so the context cache serves them the same context.
 * Tests isolate themselves by registering users of their own (each user founds a tenant).
 */
@AutoConfigureObservability(tracing = false)
@Import(PlatformOwnerFirst.class)
@SpringBootTest(classes = AgentLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "agentledger.data-dir=target/it-data",
                "agentledger.embedded-postgres.durable=false",
                "agentledger.embedded-postgres.clean=true",
                "agentledger.auth.bcrypt-strength=4",
                "agentledger.auth.jwt-secret=integration-tests-secret-0123456789abcdef",
                "agentledger.snapshot.threshold=5",
                // the shared platform admin's step-up lasts as long as its access token
                "agentledger.step-up.validity=PT1H",
                "agentledger.http.max-body-size=64KB",
                "agentledger.agents.package.max-upload=2MB",
                "agentledger.tasks.tools.commands-enabled=true",
                "spring.servlet.multipart.max-file-size=2MB",
                "spring.servlet.multipart.max-request-size=3MB",
                "spring.rsocket.server.port=0",
                "agentledger.live.websocket-port=0",
                "agentledger.socketio.port=0",
                "agentledger.socketio.host=127.0.0.1",
                "agentledger.live.window=512",
                "agentledger.live.recheck-interval=PT1S",
                "agentledger.settings.defaults[approvals.deadline_default]=PT8S",
                // every test calls from 127.0.0.1; tests of the limits set their own per tenant or platform
                "agentledger.settings.defaults[rate_limits.authentication]=1000000",
                "agentledger.settings.defaults[rate_limits.read]=1000000",
                "agentledger.settings.defaults[rate_limits.write]=1000000",
                "agentledger.settings.defaults[rate_limits.ai_intensive]=1000000",
                "agentledger.settings.defaults[workflows.max_parallel_runs]=1000",
                "CORS_ORIGINS=https://app.example.com",
                "agentledger.step-up.origins=http://localhost"
        })
public abstract class IntegrationTest {

    protected static final String PASSWORD = StepUps.PASSWORD;
    protected static final String PLATFORM_ADMIN_EMAIL = "platform-admin@example.com";
    private static User platformAdmin;
    private static Instant platformAdminSince;
    private static final java.util.Deque<String> platformAdminCodes = new java.util.ArrayDeque<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void search(DynamicPropertyRegistry registry) {
        registry.add("agentledger.search.url", TestSearchNode::url);
        registry.add("agentledger.search.index-prefix", () -> "it-");
    }

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    protected int port() {
        return port;
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** The newest sealed position: a live stream asked to start after it misses nothing stored later. */
    protected long sealedHead() {
        return ProcessorProgress.head(jdbc);
    }

    protected static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
    }

    protected User register() {
        String name = unique("u");
        Api.Response response = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", PASSWORD, "full_name", "User " + name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return User.from(response, name);
    }

    /**
     * The one platform admin of the test JVM, the installation's first account, signed in and stepped
     * up; signed in again (and stepped up with its next backup code) before its access token runs out.
     */
    protected synchronized User platformAdmin() {
        if (platformAdmin == null || platformAdminSince.plus(Duration.ofMinutes(10)).isBefore(Instant.now())) {
            Api.Response response = api.post("/api/v1/auth/login", Map.of("email", PLATFORM_ADMIN_EMAIL,
                    "password", PASSWORD));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            platformAdmin = User.from(response, PlatformOwnerFirst.USERNAME);
            platformAdminSince = Instant.now();
            if (platformAdminCodes.isEmpty()) {
                Api.Response codes = api.post("/api/v1/credentials/backup", Map.of("password", PASSWORD),
                        platformAdmin.auth());
                assertThat(codes.status()).as(codes.toString()).isEqualTo(200);
                codes.body().path("backup_codes").forEach(code -> platformAdminCodes.add(code.asText()));
            }
            assertThat(api.post("/api/v1/auth/biometric/verify", Map.of("backup_code", platformAdminCodes.remove()),
                    platformAdmin.auth()).status()).isEqualTo(200);
        }
        return platformAdmin;
    }

    /** A new tenant's admin who has stepped up with a first backup code. */
    protected User registerSteppedUp() {
        User user = register();
        StepUps.withFirstBackupCode(api, user.auth());
        return user;
    }

    /** A user who joined {@code admin}'s tenant by invitation, with {@code role}. */
    protected User invite(User admin, String role) {
        String name = unique("inv");
        Api.Response invitation = api.post("/api/v1/users/invitations",
                Map.of("email", name + "@example.com", "role", role), admin.auth());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
        Api.Response joined = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com",
                "username", name, "password", PASSWORD, "full_name", "Invited " + name,
                "invitation_token", invitation.text("invitation_token")));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return new User(joined.body().path("user").path("id").asText(),
                joined.body().path("user").path("tenant_id").asText(), name, name + "@example.com",
                joined.text("access_token"), joined.text("refresh_token"));
    }

    protected static void eventually(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25)).until(condition::getAsBoolean);
    }

    /** The ids of a page's items (not of anything nested in them). */
    protected static java.util.List<String> ids(com.fasterxml.jackson.databind.JsonNode page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    protected static void eventuallyAsserted(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion);
    }

    /** A registered user and their tokens, with the headers to act as them. */
    public record User(String id, String tenantId, String username, String email, String accessToken,
                       String refreshToken) {

        static User from(Api.Response response, String username) {
            return new User(response.body().path("user").path("id").asText(),
                    response.body().path("user").path("tenant_id").asText(), username, username + "@example.com",
                    response.text("access_token"), response.text("refresh_token"));
        }

        /** The headers to act as this user, followed by {@code more} name/value pairs. */
        public String[] auth(String... more) {
            String[] headers = new String[2 + more.length];
            headers[0] = "Authorization";
            headers[1] = "Bearer " + accessToken;
            System.arraycopy(more, 0, headers, 2, more.length);
            return headers;
        }
    }
}
