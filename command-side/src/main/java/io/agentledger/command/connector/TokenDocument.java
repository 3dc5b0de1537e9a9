package io.agentledger.command.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector's tokens as the value of its credential, in the shape of a credential's
 * {@code credential_data}: the access token as {@code value}, the rest as additional fields.
 */
final class TokenDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenDocument() {
    }

    static String write(OAuthClient.Tokens tokens) {
        Map<String, Object> additional = new LinkedHashMap<>();
        additional.put("token_type", tokens.tokenType());
        if (tokens.refreshToken() != null) {
            additional.put("refresh_token", tokens.refreshToken());
        }
        try {
            return JSON.writeValueAsString(Map.of("value", tokens.accessToken(), "additional_fields", additional));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String accessToken(String document) {
        return read(document).path("value").asText();
    }

    static String refreshToken(String document) {
        JsonNode refresh = read(document).path("additional_fields").path("refresh_token");
        if (!refresh.isTextual()) {
            throw new IllegalStateException("The connector holds no refresh token");
        }
        return refresh.asText();
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The connector's tokens are unreadable");
        }
    }
}
