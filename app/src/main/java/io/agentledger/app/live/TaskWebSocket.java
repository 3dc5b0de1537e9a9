package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.task.TaskService;
import io.agentledger.app.web.BusinessErrors;
import io.agentledger.axon.input.NulCharacters;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.live.TaskStream;
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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 002's task socket, {@code ws://host:8000/ws/tasks/{task_id}?token=<access token or API key>}: the
 * task's messages from its start (or after {@code from_position}), closed normally after its last status.
 * The client may send {@code {"type": "stop"}} and {@code {"type": "input", "content": "..."}}; a bad one
 * is answered with an {@code error} message, and more than {@link #MAX_CLIENT_MESSAGES} in
 * {@link #WINDOW_SECONDS} seconds closes the socket (1008). The token is checked again as on {@code /ws}.
 */
public class TaskWebSocket extends TextWebSocketHandler {

    static final String TASK = "task_id";
    static final int MAX_CLIENT_MESSAGES = 20;
    static final int WINDOW_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(TaskWebSocket.class);

    private final TaskStream stream;
    private final TaskService tasks;
    private final ObjectMapper json;
    private final LiveAuthentication authentication;
    private final Clock clock;
    private final Map<String, Disposable> following = new ConcurrentHashMap<>();
    private final Map<String, WebSocketSession> senders = new ConcurrentHashMap<>();
    private final MessageRate rate;

    public TaskWebSocket(TaskStream stream, TaskService tasks, ObjectMapper json, LiveAuthentication authentication,
                         Clock clock) {
        this.stream = stream;
        this.tasks = tasks;
        this.json = json;
        this.authentication = authentication;
        this.clock = clock;
        this.rate = new MessageRate(MAX_CLIENT_MESSAGES, WINDOW_SECONDS * 1000L, clock);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Caller caller = caller(session);
        String taskId = (String) session.getAttributes().get(TASK);
        Long from = (Long) session.getAttributes().get(MindMeshWebSocket.FROM);
        WebSocketSession sending = new ConcurrentWebSocketSessionDecorator(session, 10_000, 1024 * 1024);
        senders.put(session.getId(), sending);
        String token = (String) session.getAttributes().get(MindMeshWebSocket.TOKEN);
        Disposable recheck = Flux.interval(authentication.recheck())
                .map(tick -> authentication.authenticate(token).filter(now -> now.equals(caller)).isPresent())
                .subscribeOn(Schedulers.boundedElastic())
                .filter(stillValid -> !stillValid).take(1)
                .subscribe(revoked -> close(session, new CloseStatus(4401, "credential no longer valid")));
        following.put(session.getId(), Disposables.composite(recheck, stream.follow(caller, taskId,
                from == null ? 0 : from).subscribe(message -> send(session, sending, message), failure -> {
                    log.debug("Task stream of {} ended: {}", taskId, failure.toString());
                    close(session, CloseStatus.SERVER_ERROR);
                }, () -> close(session, CloseStatus.NORMAL.withReason("task ended")))));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WebSocketSession sending = senders.get(session.getId());
        if (sending == null) {
            return;
        }
        if (rate.exceeded(session.getId())) {
            close(session, CloseStatus.POLICY_VIOLATION.withReason("more than " + MAX_CLIENT_MESSAGES
                    + " messages in " + WINDOW_SECONDS + " s"));
            return;
        }
        String taskId = (String) session.getAttributes().get(TASK);
        try {
            JsonNode request = json.readTree(message.getPayload());
            NulCharacters.find(json.convertValue(request, Object.class)).ifPresent(path -> {
                throw DomainException.invalid((path.isEmpty() ? "the message" : path) + " " + NulCharacters.MESSAGE);
            });
            String type = request.path("type").asText("");
            switch (type) {
                case "stop" -> tasks.stop(taskId, caller(session));
                case "input" -> tasks.giveInput(taskId, request.path("content").isTextual()
                        ? request.path("content").asText() : null, caller(session));
                default -> throw DomainException.invalid("type must be stop or input");
            }
        } catch (IOException e) {
            send(session, sending, error("the message is not JSON", "VALIDATION_ERROR"));
        } catch (RuntimeException e) {
            BusinessError refused = BusinessErrors.of(e);
            if (refused == null) {
                log.warn("Task socket message for {} failed: {}", taskId, e.toString());
            }
            send(session, sending, refused == null ? error("the message could not be handled", "INTERNAL_ERROR")
                    : error(refused.detail(), refused.code().name()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        senders.remove(session.getId());
        rate.forget(session.getId());
        Disposable subscription = following.remove(session.getId());
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private Map<String, Object> error(String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("error", message);
        error.put("code", code);
        error.put("timestamp", Instant.now(clock));
        return error;
    }

    private void send(WebSocketSession session, WebSocketSession sending, Map<String, Object> message) {
        try {
            sending.sendMessage(new TextMessage(json.writeValueAsString(message)));
        } catch (IOException | RuntimeException e) {
            close(session, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private static Caller caller(WebSocketSession session) {
        return (Caller) session.getAttributes().get(MindMeshWebSocket.CALLER);
    }

    private void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing a task socket: {}", e.toString());
        }
    }
}
