package io.agentledger.app.it;

import io.agentledger.app.support.Api;
import io.agentledger.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Every class of client error has its status, one problem format, and changes nothing. */
class ErrorResponsesIT extends IntegrationTest {

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.body().path("errors").isArray()).isTrue();
        assertThat(response.text("request_id")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.rawBody()).doesNotContain("Exception", "\tat ", "io.agentledger", "org.axonframework",
                "org.springframework");
    }

    @Test
    void malformedJsonIs400() {
        User user = register();
        assertProblem(api.post("/api/v1/goals", "{\"text\": ", user.auth()), 400, "MALFORMED_JSON");
    }

    @Test
    void missingOrBadCredentialsAre401() {
        assertProblem(api.get("/api/v1/goals"), 401, "UNAUTHORIZED");
        assertProblem(api.get("/api/v1/goals", "Authorization", "Bearer not.a.token"), 401, "UNAUTHORIZED");
        assertProblem(api.get("/api/v1/goals", "X-API-Key", "alk_nope"), 401, "UNAUTHORIZED");
    }

    @Test
    void aRoleWithoutThePermissionIs403() {
        User admin = register();
        String name = unique("aud");
        String token = api.post("/api/v1/users/invitations", Map.of("email", name + "@example.com",
                "role", "auditor"), admin.auth()).text("invitation_token");
        String access = api.post("/api/v1/auth/register", Map.of("email", name + "@example.com", "username", name,
                "password", PASSWORD, "full_name", "Aud", "invitation_token", token)).text("access_token");
        assertProblem(api.post("/api/v1/goals", Map.of("text", "x"), "Authorization", "Bearer " + access), 403,
                "FORBIDDEN");
    }

    @Test
    void unknownResourcesAndRoutesAre404() {
        User user = register();
        assertProblem(api.get("/api/v1/goals/goal_missing", user.auth()), 404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/nothing-here", user.auth()), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405() {
        User user = register();
        assertProblem(api.call("PATCH", "/api/v1/goals", Map.of("text", "x"), user.auth()), 405,
                "METHOD_NOT_ALLOWED");
    }

    @Test
    void aConflictIs409() {
        User user = register();
        String id = api.post("/api/v1/goals", Map.of("text", "v0"), user.auth()).text("id");
        api.put("/api/v1/goals/" + id, Map.of("text", "v1"), user.auth());
        assertProblem(api.put("/api/v1/goals/" + id, Map.of("text", "v2"), user.auth("If-Match", "\"0\"")), 409,
                "VERSION_CONFLICT");
    }

    @Test
    void anOversizedBodyIs413AndCreatesNothing() throws Exception {
        User user = register();
        long before = countGoals(user);
        String big = "{\"text\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(api.post("/api/v1/goals", big, user.auth()), 413, "PAYLOAD_TOO_LARGE");

        // no Content-Length: the limit is enforced while the body is read
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/goals"))
                .header("Content-Type", "application/json").header(user.auth()[0], user.auth()[1])
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
        assertThat(countGoals(user)).isEqualTo(before);
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        User user = register();
        assertProblem(api.post("/api/v1/goals", "text=hello", user.auth("Content-Type",
                "application/x-www-form-urlencoded")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownFieldsAndInvalidValuesAre422NamingTheField() {
        User user = register();
        Api.Response unknown = api.post("/api/v1/goals", Map.of("text", "x", "colour", "red"), user.auth());
        assertProblem(unknown, 422, "VALIDATION_ERROR");
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("colour");

        Api.Response badEnum = api.post("/api/v1/goals", Map.of("text", "x", "autonomy_level", "L9"), user.auth());
        assertProblem(badEnum, 422, "VALIDATION_ERROR");
        assertThat(badEnum.body().path("errors").get(0).path("field").asText()).isEqualTo("autonomy_level");

        Api.Response invalid = api.post("/api/v1/goals", Map.of("text", "", "estimated_hours", -1), user.auth());
        assertProblem(invalid, 422, "VALIDATION_ERROR");
        assertThat(invalid.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("text", "estimated_hours");
        assertThat(countGoals(user)).isZero();
    }

    @Test
    void nulCharactersAreRefusedBeforeTheyCanReachAnEvent() {
        User user = register();
        Api.Response inText = api.post("/api/v1/goals", "{\"text\": \"a\\u0000b\"}", user.auth());
        assertProblem(inText, 422, "VALIDATION_ERROR");
        assertThat(inText.body().path("errors").get(0).path("field").asText()).isEqualTo("text");

        Api.Response nested = api.post("/api/v1/goals",
                "{\"text\": \"ok\", \"metadata\": {\"tags\": [\"x\", \"y\\u0000\"]}}", user.auth());
        assertProblem(nested, 422, "VALIDATION_ERROR");
        assertThat(nested.body().path("errors").get(0).path("field").asText()).isEqualTo("metadata.tags[1]");

        assertProblem(api.get("/api/v1/goals?search=a%00b", user.auth()), 422, "VALIDATION_ERROR");
        assertThat(countGoals(user)).isZero();
    }

    @Test
    void aClientRequestIdIsKeptAndEchoed() {
        Api.Response response = api.get("/api/v1/goals", "X-Request-Id", "client-req-42");
        assertThat(response.header("X-Request-Id")).contains("client-req-42");
        assertThat(response.text("request_id")).isEqualTo("client-req-42");
    }

    private long countGoals(User user) {
        return api.get("/api/v1/goals", user.auth()).body().path("total").asLong();
    }

    private String baseUrl() {
        return api.get("/health/live").raw().uri().toString().replace("/health/live", "");
    }
}
