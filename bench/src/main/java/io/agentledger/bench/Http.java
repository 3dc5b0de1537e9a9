package io.agentledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** JSON over HTTP/1.1 to one base address, as a client of the API would speak it. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final List<String> bases;
    private final AtomicInteger next = new AtomicInteger();
    private final String[] headers;

    Http(String base) {
        this(List.of(base));
    }

    /** Requests taking turns over several nodes of one cluster. */
    Http(List<String> bases) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build(), bases);
    }

    private Http(HttpClient client, List<String> bases, String... headers) {
        this.client = client;
        this.bases = bases;
        this.headers = headers;
    }

    /** The same client, sending one more header with every request. */
    Http with(String name, String value) {
        return new Http(client, bases, name, value);
    }

    record Response(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body.path(field).asText();
        }

        Response require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, Object body, String token) {
        return send(request(path, token).POST(json(body)));
    }

    Response put(String path, Object body, String token) {
        return send(request(path, token).PUT(json(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private String base() {
        return bases.size() == 1 ? bases.get(0) : bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Response(response.statusCode(),
                    body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
