package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A seed's WebSocket followed with the JDK's own client: the JSON messages received and the close codes. */
public final class JdkWebSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    public final List<Integer> closes = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private JdkWebSocket(URI uri) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        messages.add(JSON.readTree(text.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closes.add(statusCode);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    public static JdkWebSocket open(URI uri) throws Exception {
        return new JdkWebSocket(uri);
    }

    public void send(Object message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    public List<String> types() {
        return messages.stream().map(m -> m.path("type").asText()).toList();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
