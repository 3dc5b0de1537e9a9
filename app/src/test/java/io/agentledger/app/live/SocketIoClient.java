package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONObject;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Seed 003's way in, with the Socket.IO client library: every event received, by name, as JSON. */
final class SocketIoClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String name, JsonNode data) {
    }

    final List<Received> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> disconnected = new CompletableFuture<>();
    private final Socket socket;

    SocketIoClient(int port, Map<String, String> auth) {
        IO.Options options = IO.Options.builder().setAuth(auth).setTransports(new String[]{WebSocket.NAME})
                .setReconnection(false).setForceNew(true).build();
        socket = IO.socket(URI.create("http://127.0.0.1:" + port), options);
        socket.onAnyIncoming(args -> events.add(new Received(String.valueOf(args[0]),
                args.length > 1 ? read(args[1]) : null)));
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args.length > 0 ? String.valueOf(args[0]) : ""));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> disconnected.complete("connect error: " + (args.length > 0
                ? String.valueOf(args[0]) : "")));
        socket.connect();
    }

    List<String> names() {
        return events.stream().map(Received::name).toList();
    }

    List<JsonNode> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).map(Received::data).toList();
    }

    void emit(String event, Object data) {
        socket.emit(event, data instanceof Map<?, ?> map ? new JSONObject(map) : data);
    }

    JsonNode request(String event, Object data) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        socket.emit(event, new Object[]{data instanceof Map<?, ?> map ? new JSONObject(map) : data},
                args -> answer.complete(read(args.length > 0 ? args[0] : null)));
        return answer.get(60, TimeUnit.SECONDS);
    }

    boolean connected() {
        return socket.connected();
    }

    private static JsonNode read(Object value) {
        try {
            return value == null ? null : JSON.readTree(value instanceof String text ? JSON.writeValueAsString(text)
                    : value.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
