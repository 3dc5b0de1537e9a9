package io.agentledger.app.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a provider's {@code POST /v1/chat/completions}: answers each request with the
 * next scripted reply and keeps what it was sent. Loopback only.
 */
final class ChatCompletionsStub implements AutoCloseable {

    record Reply(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<byte[]> audioRequests = new ArrayList<>();

    ChatCompletionsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.createContext("/v1/audio/transcriptions", this::transcribe);
        server.createContext("/v1/audio/speech", this::speak);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized ChatCompletionsStub then(Reply reply) {
        replies.add(reply);
        return this;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    static Reply content(String content, int promptTokens, int completionTokens) {
        return new Reply(200, completion("{\"role\": \"assistant\", \"content\": " + quote(content) + "}", "stop",
                promptTokens, completionTokens), 0);
    }

    static Reply toolCall(String name, String arguments, int promptTokens, int completionTokens) {
        return new Reply(200, completion("{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": "
                + "\"call_1\", \"type\": \"function\", \"function\": {\"name\": " + quote(name) + ", \"arguments\": "
                + quote(arguments) + "}}]}", "tool_calls", promptTokens, completionTokens), 0);
    }

    static Reply status(int status) {
        return new Reply(status, "{\"error\": {\"message\": \"scripted failure\", \"type\": \"server_error\"}}", 0);
    }

    static Reply slow(long delayMillis) {
        return new Reply(200, completion("{\"role\": \"assistant\", \"content\": \"late\"}", "stop", 1, 1),
                delayMillis);
    }

    static Reply garbage() {
        return new Reply(200, "this is not json {", 0);
    }

    private static String completion(String message, String finishReason, int promptTokens, int completionTokens) {
        return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1700000000, \"model\": "
                + "\"gpt-4o-mini\", \"choices\": [{\"index\": 0, \"message\": " + message + ", \"finish_reason\": \""
                + finishReason + "\"}], \"usage\": {\"prompt_tokens\": " + promptTokens + ", \"completion_tokens\": "
                + completionTokens + ", \"total_tokens\": " + (promptTokens + completionTokens) + "}}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private void answer(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            reply = replies.isEmpty() ? status(503) : replies.poll();
        }
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    synchronized List<byte[]> audioRequests() {
        return List.copyOf(audioRequests);
    }

    /** Transcribes any audio as the text its last 40 bytes spell (the tests send "audio" ending in their text). */
    private void transcribe(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (this) {
            audioRequests.add(body);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        }
        String multipart = new String(body, StandardCharsets.ISO_8859_1);
        String audio = multipart.substring(multipart.indexOf("application/octet-stream\r\n\r\n") + 28,
                multipart.lastIndexOf("\r\n--"));
        String spoken = audio.substring(audio.indexOf("SAID:") + 5);
        send(exchange, "application/json", ("{\"text\": " + quote(spoken) + "}").getBytes(StandardCharsets.UTF_8));
    }

    private void speak(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (this) {
            audioRequests.add(body);
        }
        send(exchange, "audio/mpeg", ("ID3-stub-audio-for:" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
