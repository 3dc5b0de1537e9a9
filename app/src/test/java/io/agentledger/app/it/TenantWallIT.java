package io.agentledger.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.agent.AgentPackageIT;
import io.agentledger.app.agent.AgentPackages;
import io.agentledger.app.credential.Authenticator;
import io.agentledger.app.live.LiveClients;
import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenants are walls: every operation of the OpenAPI document that takes an identifier, and every
 * RSocket route that does, answers another tenant exactly as it answers for an identifier that
 * exists nowhere, and changes nothing of the owner's.
 */
class TenantWallIT extends IntegrationTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Autowired
    private RSocketStrategies strategies;

    @Value("${local.rsocket.server.port}")
    private int tcpPort;

    /** One resource of each kind in the owner's tenant, by the path parameter that names it. */
    private Map<String, String> resourcesOf(User owner) {
        Map<String, String> ids = new HashMap<>();
        assertThat(api.put("/api/v1/system/config", Map.of("settings", Map.of("approvals.deadline_default", "PT1H")),
                owner.auth()).status()).isEqualTo(200);
        ids.put("goalId", api.post("/api/v1/goals", Map.of("text", "walled"), owner.auth()).text("id"));
        String runGoal = api.post("/api/v1/goals", Map.of("text", "Email the team about the launch",
                "autonomy_level", "L2"), owner.auth()).text("id");
        String runId = api.post("/api/v1/goals/" + runGoal + "/start", null, owner.auth()).text("run_id");
        ids.put("runId", runId);
        eventually(() -> !api.get("/api/v1/approvals?state=pending", owner.auth()).body().path("items").isEmpty());
        ids.put("approvalId", api.get("/api/v1/approvals?state=pending", owner.auth()).body().path("items").get(0)
                .path("id").asText());
        ids.put("credentialId", api.post("/api/v1/credentials", Map.of("service_name", "github", "credential_type",
                "api_key", "credential_data", Map.of("value", "ghp_walled")), owner.auth()).text("id"));
        ids.put("secretName", "WALLED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        assertThat(api.post("/api/v1/secrets", Map.of("name", ids.get("secretName"), "value", "v"), owner.auth())
                .status()).isEqualTo(201);
        ids.put("apiKeyId", api.post("/api/v1/api-keys", Map.of("name", "walled"), owner.auth()).text("id"));
        ids.put("userId", invite(owner, "user").id());
        ids.put("modificationId", api.get("/api/v1/system/modifications", owner.auth()).body().path("items").get(0)
                .path("id").asText());
        ids.put("documentId", api.post("/api/v1/memory/upsert", Map.of("source_uri", "notes://walled", "title", "W",
                "content", "Walled garden notes"), owner.auth()).text("document_id"));
        Authenticator authenticator = new Authenticator("http://localhost");
        JsonNode options = api.post("/api/v1/auth/biometric/setup", null, owner.auth()).body();
        assertThat(api.post("/api/v1/auth/biometric/setup", authenticator.register(options), owner.auth()).status())
                .isEqualTo(200);
        ids.put("agentMemoryId", api.post("/api/v1/agents/planner/memory", Map.of("memory_type", "note",
                "content", "the owner's planner note"), owner.auth()).text("id"));
        ids.put("authenticatorId", api.get("/api/v1/auth/biometric/authenticators", owner.auth()).body()
                .path("items").get(0).path("id").asText());
        String agentId = api.post("/api/v1/agents", Map.of("name", "walled"), owner.auth()).text("id");
        ids.put("agentId", agentId);
        ids.put("executionId", api.post("/api/v1/agents/" + agentId + "/execute", Map.of("command",
                Map.of("action", "Analyze the sales numbers"), "wait_for_completion", true), owner.auth()).body()
                .path("data").path("execution_id").asText());
        String workflowId = api.post("/api/v1/workflows", Map.of("name", "walled", "nodes", List.of(Map.of("id", "only",
                "type", "agent", "data", Map.of("model", "m"))), "edges", List.of()), owner.auth()).text("id");
        ids.put("workflowId", workflowId);
        ids.put("workflowExecutionId", api.post("/api/v1/workflows/" + workflowId + "/run", Map.of("input", "x",
                "mode", "mock"), owner.auth()).text("execution_id"));
        ids.put("serverId", api.post("/api/v1/mcp/servers", Map.of("name", "walled", "command", "node", "args",
                List.of(java.nio.file.Path.of(System.getProperty("mcp.servers.dir", "target/mcp-servers/node_modules/"
                        + "@modelcontextprotocol")).resolve("server-everything/dist/index.js").toAbsolutePath()
                        .toString(), "stdio")), owner.auth()).text("id"));
        String sessionId = api.post("/api/sessions", Map.of("name", "walled"), owner.auth()).text("id");
        ids.put("sessionId", sessionId);
        String taskId = api.post("/api/sessions/" + sessionId + "/tasks", Map.of("description",
                "write a file named w.txt that says walled"), owner.auth()).text("id");
        ids.put("taskId", taskId);
        eventually(() -> api.get("/api/tasks/" + taskId + "/artifacts", owner.auth()).body().size() == 2);
        ids.put("artifactId", api.get("/api/tasks/" + taskId + "/artifacts", owner.auth()).body().get(0).path("id")
                .asText());
        ids.put("automationId", api.post("/api/v1/automations", Map.of("name", "walled", "trigger", Map.of("type",
                "memory", "config", Map.of("tags", List.of("walled"))), "workflow", Map.of("template", "daily_digest")),
                owner.auth()).text("id"));
        String packaged = api.post("/api/v1/agents", Map.of("name", "walled package"), owner.auth()).text("id");
        ids.put("versionId", AgentPackageIT.read(AgentPackages.upload("http://127.0.0.1:" + port()
                + "/api/v1/uploads/agent/" + packaged, "a.tar.gz", AgentPackages.of(AgentPackages.MANIFEST,
                AgentPackageIT.ECHO).tarGz(), owner.auth()).body()).path("id").asText());
        return ids;
    }

    /** The owner's resource for a parameter; {@code name} and {@code id} depend on the route. */
    private static String value(String template, String parameter, Map<String, String> ids) {
        return switch (parameter) {
            case "name" -> template.contains("/secrets/") ? ids.get("secretName") : "goal-summary";
            case "resourceType" -> "goal";
            case "id" -> template.contains("/history/") ? ids.get("goalId") : "dead-letter-of-nobody";
            case "provider" -> "example";
            case "connectorId" -> "conn_walled";
            case "agentId" -> ids.get("agentId");
            case "executionId" -> template.startsWith("/api/v1/executions/") ? ids.get("workflowExecutionId")
                    : ids.get("executionId");
            default -> ids.get(parameter);
        };
    }

    private static String fill(String template, Map<String, String> ids, boolean unknownLast) {
        Matcher matcher = PARAMETER.matcher(template);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[]{matcher.start(), matcher.end()});
            names.add(matcher.group(1));
        }
        StringBuilder path = new StringBuilder(template);
        for (int i = spans.size() - 1; i >= 0; i--) {
            String value = value(template, names.get(i), ids);
            if (value == null) {
                throw new AssertionError("No resource of the owner stands for {" + names.get(i) + "} in " + template
                        + ": extend resourcesOf");
            }
            if (unknownLast && i == spans.size() - 1 && !names.get(i).equals("resourceType")) {
                value = value.replaceAll("[A-Za-z0-9]{6}$", "ZZZZZZ") + "x";
            }
            path.replace(spans.get(i)[0], spans.get(i)[1], value);
        }
        return path.toString();
    }

    private static Object body(String method, String template) {
        if (method.equals("get") || method.equals("delete") && !template.contains("dead-letters")) {
            return null;
        }
        if (template.contains("/approvals/")) {
            return Map.of("decision", "approve", "comments", "not yours");
        }
        if (template.endsWith("/role")) {
            return Map.of("role", "auditor");
        }
        if (template.endsWith("/reveal")) {
            return Map.of("reason", "audit");
        }
        if (template.contains("/credentials/")) {
            return Map.of("credential_data", Map.of("value", "stolen"));
        }
        if (template.contains("/secrets/")) {
            return Map.of("value", "stolen");
        }
        if (template.contains("/goals/")) {
            return template.endsWith("/start") ? null : Map.of("text", "taken over");
        }
        if (template.contains("dead-letters")) {
            return Map.of("reason", "not yours");
        }
        if (template.endsWith("/memory")) {
            return Map.of("memory_type", "note", "content", "planted");
        }
        if (template.endsWith("/execute")) {
            return template.startsWith("/api/v1/runtime/") ? Map.of("payload", Map.of())
                    : Map.of("command", Map.of("action", "taken over"));
        }
        if (template.startsWith("/api/v1/automations/")) {
            return Map.of("name", "taken over");
        }
        if (template.startsWith("/api/v1/agents/") || template.startsWith("/api/v1/workflows/")) {
            return template.endsWith("/run") || template.endsWith("/validate") ? Map.of() : Map.of("name", "taken over");
        }
        return template.contains("/runs/") || template.contains("/users/") || template.contains("/sync")
                || template.contains("/cancel") || template.startsWith("/api/v1/executions/") ? null : Map.of();
    }

    private long eventsOf(String tenantId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE tenant_id = ?", Long.class, tenantId);
    }

    @Test
    void everyRouteWithAnIdentifierAnswersAnotherTenantAsIfNothingWereThere() {
        User owner = registerSteppedUp();
        Map<String, String> ids = resourcesOf(owner);
        User stranger = registerSteppedUp();
        eventually(() -> {
            long first = eventsOf(owner.tenantId());
            sleep(Duration.ofMillis(500));
            return eventsOf(owner.tenantId()) == first;
        });
        long before = eventsOf(owner.tenantId());

        List<String> leaks = new ArrayList<>();
        int checked = 0;
        int notFound = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = api.get("/openapi.json").body().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> operation = paths.next();
            String template = operation.getKey();
            if (!template.contains("{")) {
                continue;
            }
            if (template.startsWith("/api/v1/agents/{agentId}/memory")) {
                // the graph's nodes are agents of every tenant, shared by name; each tenant keeps its own memory
                assertThat(api.get("/api/v1/agents/planner/memory", stranger.auth()).body().toString())
                        .doesNotContain(ids.get("agentMemoryId")).doesNotContain("the owner's planner note");
            }
            for (Iterator<String> methods = operation.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                Object body = body(method, template);
                Api.Response foreign = api.call(method.toUpperCase(), fill(template, ids, false), body,
                        stranger.auth());
                Api.Response nowhere = api.call(method.toUpperCase(), fill(template, ids, true), body,
                        stranger.auth());
                checked++;
                notFound += foreign.status() == 404 ? 1 : 0;
                if (foreign.status() < 400 || foreign.status() != nowhere.status()
                        || !foreign.text("code").equals(nowhere.text("code"))) {
                    leaks.add(method.toUpperCase() + " " + template + ": " + foreign + " | unknown: " + nowhere);
                }
            }
        }

        assertThat(leaks).isEmpty();
        assertThat(checked).as("operations with an identifier in the OpenAPI document").isGreaterThanOrEqualTo(30);
        assertThat(notFound).isGreaterThan(25);
        assertThat(eventsOf(owner.tenantId())).as("nothing of the owner's changed").isEqualTo(before);

        RSocketRequester client = LiveClients.tcp(strategies, tcpPort, stranger.accessToken());
        try {
            for (String route : List.of("runs." + ids.get("runId") + ".stop", "runs." + ids.get("runId") + ".input",
                    "approvals." + ids.get("approvalId") + ".decide")) {
                Map<String, Object> data = route.endsWith("decide") ? Map.of("decision", "approve")
                        : Map.of("content", "not yours");
                assertThatThrownBy(() -> client.route(route).data(data).retrieveMono(Void.class)
                        .block(Duration.ofSeconds(15))).as(route).hasMessageContaining("NOT_FOUND");
            }
            for (String route : List.of("runs." + ids.get("runId"), "goals." + ids.get("goalId"))) {
                assertThatThrownBy(() -> client.route(route).retrieveFlux(JsonNode.class)
                        .blockFirst(Duration.ofSeconds(15))).as(route).hasMessageContaining("NOT_FOUND");
            }
        } finally {
            client.dispose();
        }
        assertThat(eventsOf(owner.tenantId())).isEqualTo(before);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
