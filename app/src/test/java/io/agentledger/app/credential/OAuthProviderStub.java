package io.agentledger.app.credential;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OAuth 2.0 provider: a token endpoint for codes and refresh tokens, and a sync endpoint that
 * lists items to a valid access token. Codes: {@code good-*} grant tokens, {@code revoking-*} grant a
 * refresh token the provider will refuse, {@code bad-*} are refused, {@code boom-*} break the server.
 */
final class OAuthProviderStub implements AutoCloseable {

    static final String CLIENT_ID = "agentledger-test";

    private final HttpServer server;
    private final String clientSecret;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();

    OAuthProviderStub(String clientSecret) throws IOException {
        this.clientSecret = clientSecret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/sync", this::sync);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    Set<String> accessTokens() {
        return Set.copyOf(accessTokens);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form);
        if (!CLIENT_ID.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            answer(exchange, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        String grant = form.get("grant_type");
        String presented = "authorization_code".equals(grant) ? form.getOrDefault("code", "")
                : form.getOrDefault("refresh_token", "");
        if (presented.startsWith("boom")) {
            answer(exchange, 500, "<html>internal error</html>");
        } else if (presented.startsWith("bad") || presented.startsWith("rt-revoked")) {
            answer(exchange, 400, "{\"error\": \"invalid_grant\", \"error_description\": \"Grant revoked\"}");
        } else if ("authorization_code".equals(grant) || "refresh_token".equals(grant)) {
            int n = issued.incrementAndGet();
            String access = "at-" + n + "-" + java.util.UUID.randomUUID();
            accessTokens.add(access);
            String refresh = (presented.startsWith("revoking") ? "rt-revoked-" : "rt-") + n;
            long expiresIn = "authorization_code".equals(grant) ? 60 : 3600;
            answer(exchange, 200, "{\"access_token\": \"" + access + "\", \"refresh_token\": \"" + refresh
                    + "\", \"token_type\": \"Bearer\", \"expires_in\": " + expiresIn
                    + ", \"scope\": \"mail.read mail.send\"}");
        } else {
            answer(exchange, 400, "{\"error\": \"unsupported_grant_type\"}");
        }
    }

    private void sync(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring(7))) {
            answer(exchange, 401, "{\"error\": \"invalid_token\"}");
            return;
        }
        answer(exchange, 200, "{\"items\": [{\"id\": \"m1\", \"subject\": \"Urgent: contract renewal\", "
                + "\"labels\": [\"INBOX\", \"IMPORTANT\"], \"snippet\": \"Please sign by Friday\"}, "
                + "{\"id\": \"m2\", \"subject\": \"Lunch?\", \"labels\": [\"INBOX\"], \"snippet\": \"tacos\"}, "
                + "{\"id\": \"m3\", \"subject\": \"Newsletter\", \"labels\": [\"PROMOTIONS\"], "
                + "\"snippet\": \"urgent deals\"}]}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
