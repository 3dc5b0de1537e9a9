package io.agentledger.app.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.live.MindMeshStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 000's WebSocket, {@code ws://host:8000/ws?token=<access token or API key>}: the caller's tenant's
 * {@code run.update}, {@code approval.request} and {@code goal.completed} as {@code {type, data, position,
 * timestamp}}; {@code &from_position=n} resumes after n. A client too slow to take what it is sent (more
 * than a megabyte waiting, or ten seconds on one send) is disconnected and resumes from its last position.
 * The token is checked again every {@code recheck}: once it is revoked or expired, or the caller's role or
 * tenant changed, the socket is closed (4401) like the RSocket streams end.
 */
public class MindMeshWebSocket extends TextWebSocketHandler {

    static final String CALLER = "caller";
    static final String TOKEN = "token";
    static final String FROM = "from_position";
    private static final Logger log = LoggerFactory.getLogger(MindMeshWebSocket.class);

    private final MindMeshStream stream;
    private final ObjectMapper json;
    private final LiveAuthentication authentication;
    private final Map<String, Disposable> following = new ConcurrentHashMap<>();

    public MindMeshWebSocket(MindMeshStream stream, ObjectMapper json, LiveAuthentication authentication) {
        this.stream = stream;
        this.json = json;
        this.authentication = authentication;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Caller caller = (Caller) session.getAttributes().get(CALLER);
        Long from = (Long) session.getAttributes().get(FROM);
        WebSocketSession sending = new ConcurrentWebSocketSessionDecorator(session, 10_000, 1024 * 1024);
        String token = (String) session.getAttributes().get(TOKEN);
        Disposable recheck = Flux.interval(authentication.recheck())
                .map(tick -> authentication.authenticate(token).filter(now -> now.equals(caller)).isPresent())
                .subscribeOn(Schedulers.boundedElastic())
                .filter(stillValid -> !stillValid).take(1)
                .subscribe(revoked -> close(session, new CloseStatus(4401, "credential no longer valid")));
        following.put(session.getId(), Disposables.composite(recheck, stream.follow(caller, from).subscribe(message -> {
            try {
                sending.sendMessage(new TextMessage(json.writeValueAsString(message)));
            } catch (IOException | RuntimeException e) {
                close(session, CloseStatus.SESSION_NOT_RELIABLE);
            }
        }, failure -> {
            log.debug("Seed 000 stream of {} ended: {}", caller.userId(), failure.toString());
            close(session, CloseStatus.SERVER_ERROR);
        })));
    }

    /** Clients only listen here; what they send is ignored. */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Disposable subscription = following.remove(session.getId());
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing a seed 000 socket: {}", e.toString());
        }
    }
}
