package io.agentledger.command.run.tool;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls an HTTP endpoint, typically with a header naming a secret ({@code {{secret:NAME}}}). It
 * reaches only the hosts listed in {@code agentledger.tools.http.allowed-hosts}; none by default.
 */
@Component
public class HttpRequestTool implements Tool {

    static final int MAX_BODY = 4096;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final Set<String> allowedHosts;
    private final HttpClient client;
    private final Duration timeout;

    public HttpRequestTool(@Value("${agentledger.tools.http.allowed-hosts:}") List<String> allowedHosts,
                           @Value("${agentledger.tools.http.timeout:PT10S}") Duration timeout) {
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList());
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "http_request";
    }

    @Override
    public String description() {
        return "Calls an HTTP endpoint of an allowed host; headers may reference secrets as {{secret:NAME}}";
    }

    @Override
    public ToolKind kind() {
        return ToolKind.EXTERNAL_COMMUNICATION;
    }

    @Override
    public BigDecimal estimatedCost() {
        return new BigDecimal("0.001");
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("url", "http or https address", "method", "GET, POST, PUT or DELETE",
                "headers", "header names and values", "body", "request text");
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> parameters, ToolEffects effects) {
        URI uri = target(String.valueOf(parameters.get("url")));
        String method = String.valueOf(parameters.getOrDefault("method", "GET")).toUpperCase();
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("http_request does not support method " + method);
        }
        Object body = parameters.get("body");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(String.valueOf(body)));
        if (parameters.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> request.header(String.valueOf(name), String.valueOf(value)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), 0, Math.min(response.body().length, MAX_BODY),
                    StandardCharsets.UTF_8);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", response.statusCode());
            result.put("body", text);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("http_request to " + uri.getHost() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("http_request interrupted", e);
        }
    }

    private URI target(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("http_request needs a valid url");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("http_request needs an http or https url");
        }
        if (!allowedHosts.contains(uri.getHost())) {
            throw new IllegalArgumentException("http_request may not reach " + uri.getHost()
                    + " (allowed hosts: agentledger.tools.http.allowed-hosts)");
        }
        return uri;
    }
}
