package io.agentledger.command.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token endpoint of an OAuth 2.0 provider (RFC 6749 §4.1.3, §6), client authenticated in the
 * form body. A provider's refusal is a 400 with its error; anything else going wrong is a 502.
 */
@Component
public class OAuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final ConnectorProperties properties;

    public OAuthClient(ConnectorProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Tokens(String accessToken, String refreshToken, String tokenType, Instant expiresAt,
                         List<String> scopes) {
    }

    public Tokens exchange(ConnectorProperties.Provider provider, String clientSecret, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (provider.redirectUri() != null) {
            form.put("redirect_uri", provider.redirectUri().toString());
        }
        return post(provider, clientSecret, form, null);
    }

    /** A provider may keep the refresh token: then the old one stays. */
    public Tokens refresh(ConnectorProperties.Provider provider, String clientSecret, String refreshToken) {
        return post(provider, clientSecret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                refreshToken);
    }

    /** GET with the access token; the answer's JSON. */
    public JsonNode get(URI uri, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.httpTimeout())
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request, uri);
        if (response.statusCode() / 100 != 2) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, uri.getHost() + " answered HTTP "
                    + response.statusCode());
        }
        return parse(response.body(), uri);
    }

    private Tokens post(ConnectorProperties.Provider provider, String clientSecret, Map<String, String> grant,
                        String currentRefreshToken) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", provider.clientId());
        form.put("client_secret", clientSecret);
        URI uri = provider.tokenUrl();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        HttpResponse<String> response = send(request, uri);
        JsonNode body = response.statusCode() / 100 == 4 || response.statusCode() / 100 == 2
                ? parse(response.body(), uri) : null;
        if (body != null && body.hasNonNull("error")) {
            String description = body.path("error_description").asText("");
            throw new DomainException(ErrorCode.BAD_REQUEST, "The provider refused: " + body.path("error").asText()
                    + (description.isEmpty() ? "" : " (" + description + ")"));
        }
        if (body == null || response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, "The provider's token endpoint answered HTTP "
                    + response.statusCode() + " without tokens");
        }
        Instant expiresAt = body.hasNonNull("expires_in")
                ? Instant.now().plusSeconds(body.path("expires_in").asLong()) : null;
        String refreshToken = body.hasNonNull("refresh_token") ? body.path("refresh_token").asText()
                : currentRefreshToken;
        List<String> scopes = body.hasNonNull("scope")
                ? List.of(body.path("scope").asText().trim().split("\\s+")) : List.of();
        return new Tokens(body.path("access_token").asText(), refreshToken,
                body.path("token_type").asText("Bearer"), expiresAt, scopes);
    }

    private HttpResponse<String> send(HttpRequest request, URI uri) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, uri.getHost() + " could not be reached: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, "Interrupted while calling " + uri.getHost());
        }
    }

    private static JsonNode parse(String body, URI uri) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, uri.getHost() + " answered something other than JSON");
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
