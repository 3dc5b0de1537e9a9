package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.filter.CompositeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.springframework.test.util.ReflectionTestUtils.getField;
import static org.assertj.core.api.Assertions.assertThat;

class OperationsIT extends IntegrationTest {

    @Test
    void healthReportsDatabaseEventStoreAndEveryProcessor() {
        Api.Response health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isIn("healthy", "degraded");
        assertThat(health.text("version")).isNotBlank();
        assertThat(health.body().path("components").path("database").path("status").asText()).isEqualTo("up");
        assertThat(health.body().path("components").path("event_store").path("status").asText()).isEqualTo("up");
        assertThat(health.body().path("components").path("processors").path("items").findValuesAsText("name"))
                .contains("goal-summary", "run-summary", "user-directory", "api-key-directory", "identity-lookup");
    }

    @Test
    void livenessAndReadinessAnswerWithoutCredentials() {
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        Api.Response ready = api.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("ready");
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        Api.Response openapi = api.get("/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body().path("paths").has("/api/v1/goals")).isTrue();
        assertThat(openapi.body().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(openapi.body().path("components").path("security_schemes").size()
                + openapi.body().path("components").path("securitySchemes").size()).isEqualTo(2);

        Api.Response docs = api.get("/docs");
        assertThat(docs.status()).isEqualTo(302);
        String ui = java.net.URI.create(docs.header("Location").orElseThrow()).getPath();
        Api.Response page = api.get(ui);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.rawBody()).contains("<title>Swagger UI</title>");
        assertThat(api.get("/openapi.json/swagger-config").text("url")).isEqualTo("/openapi.json");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        Api.Response allowed = api.call("OPTIONS", "/api/v1/goals", null, "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "POST");
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://app.example.com");
        Api.Response refused = api.call("OPTIONS", "/api/v1/goals", null, "Origin", "https://evil.example.com",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void securityFiltersRequestsWithoutLookingUpTheirSpringMvcHandlerFirst(@Autowired ApplicationContext context) {
        // Spring Security's wrapper puts a handler lookup (HandlerMappingIntrospector's cache) before the chain
        assertThat(filtersBeforeTheChain(context.getBean("springSecurityFilterChain")))
                .noneMatch(filter -> filter.getClass().getName().contains("HandlerMappingIntrospector"))
                .anyMatch(filter -> filter.getClass() == FilterChainProxy.class);
        User user = register();
        String goal = api.post("/api/v1/goals", Map.of("text", "routed"), user.auth()).text("id");
        assertThat(api.get("/api/v1/goals/" + goal, user.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/goals/" + goal).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/goals/" + goal, register().auth()).status()).isEqualTo(404);
    }

    /** The filters of Spring Security's composite wrappers around its chain, the chain itself included. */
    private static List<Object> filtersBeforeTheChain(Object filter) {
        List<Object> found = new ArrayList<>(List.of(filter));
        if (filter.getClass().getSimpleName().equals("CompositeFilterChainProxy")) {
            found.addAll(filtersBeforeTheChain(getField(filter, "doFilterDelegate")));
        } else if (filter instanceof CompositeFilter) {
            for (Object inner : (List<?>) getField(filter, "filters")) {
                found.addAll(filtersBeforeTheChain(inner));
            }
        }
        return found;
    }
}
