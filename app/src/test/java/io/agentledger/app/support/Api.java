package io.agentledger.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A real HTTP client for the service under test; bodies are JSON unless given as a String. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String... headers) {
        return call("GET", path, null, headers);
    }

    public Response post(String path, Object body, String... headers) {
        return call("POST", path, body, headers);
    }

    public Response put(String path, Object body, String... headers) {
        return call("PUT", path, body, headers);
    }

    public Response delete(String path, String... headers) {
        return call("DELETE", path, null, headers);
    }

    /** A GET whose body is read as it arrives; the caller closes it. */
    public HttpResponse<java.io.InputStream> stream(String path, Duration timeout, String... headers) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).headers(headers).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code headers} are name/value pairs; a body given as a String is sent as it is. */
    public Response call(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30));
            boolean contentTypeGiven = false;
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
                contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
            }
            if (body != null && !contentTypeGiven) {
                request.header("Content-Type", "application/json");
            }
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response, parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String text(String field) {
            return body.path(field).asText();
        }

        public String rawBody() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }
}
