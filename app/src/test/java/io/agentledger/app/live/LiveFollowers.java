package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import reactor.core.Disposable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Real RSocket clients following a stream route, collecting its messages; closed after each test. */
public final class LiveFollowers {

    private final RSocketStrategies strategies;
    private final int port;
    private final List<RSocketRequester> clients = new ArrayList<>();
    private final List<Disposable> subscriptions = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    public LiveFollowers(RSocketStrategies strategies, int port) {
        this.strategies = strategies;
        this.port = port;
    }

    /** The messages of {@code route} as they arrive; {@code request} null to start at the head. */
    public List<JsonNode> follow(String token, String route, Map<String, Object> request) {
        RSocketRequester client = LiveClients.tcp(strategies, port, token);
        clients.add(client);
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        RSocketRequester.RequestSpec spec = client.route(route);
        subscriptions.add((request == null ? spec : spec.data(request)).retrieveFlux(JsonNode.class)
                .subscribe(messages::add, failures::add));
        return messages;
    }

    public static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("type").asText()).toList();
    }

    /** Ends every stream; none may have ended with an error. */
    public void close() {
        subscriptions.forEach(Disposable::dispose);
        clients.forEach(RSocketRequester::dispose);
        assertThat(failures).as("streams end without an error").isEmpty();
    }
}
