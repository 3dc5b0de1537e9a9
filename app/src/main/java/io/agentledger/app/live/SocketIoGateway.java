package io.agentledger.app.live;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.web.BusinessErrors;
import io.agentledger.axon.input.NulCharacters;
import io.agentledger.command.agent.execution.AgentExecutionController;
import io.agentledger.command.voice.VoiceController;
import io.agentledger.command.workflow.WorkflowCommandController;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.live.LiveMessage;
import io.agentledger.query.live.PaiosStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seed 003's Socket.IO transport, on a port of its own ({@code SOCKETIO_PORT}): a client connects with
 * {@code io(url, {auth: {token}})} (optionally {@code from_position} to resume), gets {@code authenticated}
 * with its user — or {@code unauthorized} and a disconnect — then its tenant's {@code agent:*},
 * {@code workflow:*} and {@code system:*} events. It may emit {@code agent:subscribe} /
 * {@code agent:unsubscribe} (narrowing agent events to those agents), {@code agent:execute},
 * {@code workflow:execute}, {@code workflow:stop}, {@code voice:command} and {@code mcp:message} (seed 003's
 * agent message protocol, see {@link AgentMessageProtocol}); each runs as the REST route
 * does, with the caller's permissions, off the socket threads, and answers through the acknowledgement
 * (and {@code voice:*} events). Refusals come back as {@code error}.
 */
public class SocketIoGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketIoGateway.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    static final String CALLER = "caller";
    static final String TOKEN = "token";
    static final String AGENTS = "agents";
    static final long CONNECT_SETTLE_MILLIS = 100;

    private final SocketIoProperties properties;
    private final LiveAuthentication authentication;
    private final PaiosStream stream;
    private final AgentExecutionController agents;
    private final WorkflowCommandController workflows;
    private final VoiceController voice;
    private final AgentMessageProtocol protocol;
    private final ObjectMapper json;
    private final Map<UUID, Disposable> following = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final MessageRate rate;
    private final ThreadPoolExecutor work;
    private ScheduledExecutorService recheck;
    private SocketIOServer server;
    private volatile boolean running;

    public SocketIoGateway(SocketIoProperties properties, LiveAuthentication authentication, PaiosStream stream,
                           AgentExecutionController agents, WorkflowCommandController workflows, VoiceController voice,
                           AgentMessageProtocol protocol, ObjectMapper json, Clock clock) {
        this.protocol = protocol;
        this.properties = properties;
        this.authentication = authentication;
        this.stream = stream;
        this.agents = agents;
        this.workflows = workflows;
        this.voice = voice;
        this.json = json;
        this.rate = new MessageRate(properties.maxClientMessages(), 10_000, clock);
        this.work = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queue()), r -> {
                    Thread thread = new Thread(r, "socketio-work");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The port it listens on (the configured one, or the one it was given for 0). */
    public int port() {
        return server.getConfiguration().getPort();
    }

    @Override
    public synchronized void start() {
        Configuration configuration = new Configuration();
        configuration.setHostname(properties.host());
        configuration.setPort(properties.port() == 0 ? freePort() : properties.port());
        configuration.setMaxFramePayloadLength(properties.maxMessageBytes());
        configuration.setMaxHttpContentLength(properties.maxMessageBytes());
        if (properties.origin() != null) {
            configuration.setOrigin(properties.origin());
        }
        configuration.setExceptionListener(new QuietExceptions());
        // answers come from the work pool after the listener returned: no automatic empty acknowledgement
        configuration.setAckMode(com.corundumstudio.socketio.AckMode.MANUAL);
        recheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "socketio-recheck");
            thread.setDaemon(true);
            return thread;
        });
        server = new SocketIOServer(configuration);
        // the namespace CONNECT (with its auth) comes after the connect listeners ran; it is accepted, and judged
        // off the socket thread a moment later: the server queues its CONNECT acknowledgement only after this
        // listener returns, and an event queued before it would reach the client before the connection does
        server.getNamespace(com.corundumstudio.socketio.namespace.Namespace.DEFAULT_NAME).addAuthTokenListener(
                (authToken, client) -> {
                    recheck.schedule(() -> {
                        try {
                            work.execute(() -> connected(client, authToken));
                        } catch (RejectedExecutionException busy) {
                            client.disconnect();
                        }
                    }, CONNECT_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                    return com.corundumstudio.socketio.AuthTokenResult.AuthTokenResultSuccess;
                });
        server.addDisconnectListener(this::disconnected);
        server.addEventListener("agent:subscribe", String.class, (client, agentId, ack) ->
                subscribed(client).add(agentId));
        server.addEventListener("agent:unsubscribe", String.class, (client, agentId, ack) ->
                subscribed(client).remove(agentId));
        server.addEventListener("agent:execute", Map.class, (client, data, ack) ->
                offload(client, ack, data, caller -> executeAgent(map(data), caller)));
        server.addEventListener("workflow:execute", Object.class, (client, data, ack) ->
                offload(client, ack, data, caller -> executeWorkflow(data, caller)));
        server.addEventListener("workflow:stop", String.class, (client, executionId, ack) ->
                offload(client, ack, executionId, caller -> workflows.stop(executionId, caller)));
        // the protocol answers a NUL with its own error envelope
        server.addEventListener("mcp:message", Map.class, (client, data, ack) ->
                offload(client, ack, null, caller -> protocol.handle(map(data), caller)));
        server.addEventListener("voice:command", Map.class, (client, data, ack) ->
                offload(client, ack, data, caller -> voiceCommand(client, map(data), caller)));
        server.start();
        long every = authentication.recheck().toMillis();
        recheck.scheduleWithFixedDelay(this::recheckAll, every, every, TimeUnit.MILLISECONDS);
        running = true;
        log.info("Socket.IO listening on {}:{}", properties.host(), port());
    }

    private Object executeAgent(Map<String, Object> data, Caller caller) {
        return agents.agentExecute(String.valueOf(data.get("agent_id")), new AgentExecutionController
                .AgentExecuteRequest(map(data.get("command")), Boolean.TRUE.equals(data.get("wait_for_completion")),
                null), caller).getBody();
    }

    private Object executeWorkflow(Object data, Caller caller) {
        Map<String, Object> request = data instanceof Map<?, ?> ? map(data) : Map.of("workflow_id", data);
        return workflows.execute(String.valueOf(request.get("workflow_id")), new WorkflowCommandController
                .RunRequest(request.get("data"), null, null, null), caller);
    }

    /** Seed 003's voice flow: processing, what was heard, then the answer; the acknowledgement has it all. */
    private Object voiceCommand(SocketIOClient client, Map<String, Object> request, Caller caller) {
        client.sendEvent("voice:processing", Map.of("status", "transcribing"));
        Map<String, Object> context = request.get("context") instanceof Map<?, ?> given ? map(given) : null;
        Map<String, Object> answer = voice.process(new VoiceController.ProcessRequest(
                text(request, "audio_data"), text(request, "text_fallback"), null, text(request, "language"), context),
                caller);
        Map<String, Object> heard = map(answer.get("data"));
        client.sendEvent("voice:command_received", Map.of("text", heard.get("transcribed_text"),
                "confidence", heard.get("confidence_score"), "language", heard.get("detected_language")));
        Map<String, Object> response = map(heard.get("response"));
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("text", response.get("text"));
        ready.put("agent_response", response.get("agent_response"));
        client.sendEvent("voice:response_ready", ready);
        return answer;
    }

    private void connected(SocketIOClient client, Object sent) {
        Map<String, Object> auth = sent instanceof Map<?, ?> given ? map(given) : Map.of();
        Object token = auth.get("token");
        Optional<Caller> caller = token instanceof String text && !text.isBlank() ? authentication.authenticate(text)
                : Optional.empty();
        if (caller.isEmpty()) {
            refuse(client, token == null ? "auth.token is required" : "invalid or expired token");
            return;
        }
        Long from;
        try {
            from = auth.get("from_position") == null ? null : Long.parseLong(String.valueOf(auth.get("from_position")));
        } catch (NumberFormatException e) {
            refuse(client, "from_position must be a number");
            return;
        }
        AtomicInteger open = perUser.computeIfAbsent(caller.get().userId(), id -> new AtomicInteger());
        if (open.incrementAndGet() > properties.maxConnectionsPerUser()) {
            open.decrementAndGet();
            refuse(client, "more than " + properties.maxConnectionsPerUser() + " connections for this user");
            return;
        }
        client.set(CALLER, caller.get());
        client.set(TOKEN, token);
        client.set(AGENTS, ConcurrentHashMap.newKeySet());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", caller.get().userId());
        user.put("tenant_id", caller.get().tenantId());
        user.put("role", caller.get().role().wireName());
        client.sendEvent("authenticated", user);
        following.put(client.getSessionId(), stream.follow(caller.get(), from).subscribe(message -> {
            if (visible(client, message)) {
                client.sendEvent(message.type(), payload(message));
            }
        }, failure -> {
            log.debug("Socket.IO stream of {} ended: {}", caller.get().userId(), failure.toString());
            client.disconnect();
        }));
    }

    private void disconnected(SocketIOClient client) {
        Disposable subscription = following.remove(client.getSessionId());
        if (subscription != null) {
            subscription.dispose();
        }
        rate.forget(client.getSessionId());
        Caller caller = client.get(CALLER);
        if (caller != null) {
            AtomicInteger open = perUser.get(caller.userId());
            if (open != null) {
                open.decrementAndGet();
            }
        }
    }

    /** The disconnect follows a moment later: sent at once, it can overtake the event on the wire. */
    private void refuse(SocketIOClient client, String why) {
        client.sendEvent("unauthorized", why);
        recheck.schedule(client::disconnect, 250, TimeUnit.MILLISECONDS);
    }

    private boolean visible(SocketIOClient client, LiveMessage message) {
        Set<String> agentsWanted = client.get(AGENTS);
        if (agentsWanted == null || agentsWanted.isEmpty() || !message.type().startsWith("agent:")) {
            return true;
        }
        return agentsWanted.contains(String.valueOf(message.data().get("agent_id")));
    }

    private Map<String, Object> payload(LiveMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>(json.convertValue(message.data(), MAP));
        payload.put("position", message.position());
        payload.put("timestamp", message.timestamp().toString());
        return payload;
    }

    /** Runs a client's request on the work pool as the caller, answering through its acknowledgement. */
    private void offload(SocketIOClient client, AckRequest ack, Object data,
                         java.util.function.Function<Caller, Object> action) {
        Caller caller = client.get(CALLER);
        if (caller == null) {
            return;
        }
        java.util.Optional<String> nul = NulCharacters.find(data);
        if (nul.isPresent()) {
            error(client, ack, "VALIDATION_ERROR", (nul.get().isEmpty() ? "the message" : nul.get()) + " "
                    + NulCharacters.MESSAGE);
            return;
        }
        if (rate.exceeded(client.getSessionId())) {
            error(client, ack, "RATE_LIMITED", "more than " + properties.maxClientMessages() + " messages in 10 s");
            return;
        }
        try {
            work.execute(() -> {
                try {
                    Object answer = AsCaller.run(caller, () -> action.apply(caller));
                    if (ack.isAckRequested()) {
                        ack.sendAckData(json.convertValue(answer, Object.class));
                    }
                } catch (org.springframework.security.access.AccessDeniedException denied) {
                    error(client, ack, "FORBIDDEN", "not allowed for your role");
                } catch (RuntimeException e) {
                    BusinessError refused = BusinessErrors.of(e);
                    if (refused == null) {
                        log.warn("Socket.IO request of {} failed", caller.userId(), e);
                    }
                    error(client, ack, refused == null ? "INTERNAL_ERROR" : refused.code().name(),
                            refused == null ? "the request could not be handled" : refused.detail());
                }
            });
        } catch (RejectedExecutionException busy) {
            error(client, ack, "SERVICE_UNAVAILABLE", "the service is busy; try again");
        }
    }

    private void error(SocketIOClient client, AckRequest ack, String code, String message) {
        Map<String, Object> error = Map.of("error", message, "code", code);
        client.sendEvent("error", error);
        if (ack.isAckRequested()) {
            ack.sendAckData(Map.of("success", false, "error", error));
        }
    }

    /** A client whose credential was revoked, or whose role or tenant changed, is disconnected. */
    private void recheckAll() {
        for (SocketIOClient client : server.getAllClients()) {
            Caller caller = client.get(CALLER);
            String token = client.get(TOKEN);
            if (caller != null && token != null
                    && authentication.authenticate(token).filter(caller::equals).isEmpty()) {
                refuse(client, "credential no longer valid");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value) {
        return value == null ? Map.of() : json.convertValue(value, MAP);
    }

    private static String text(Map<String, Object> request, String field) {
        Object value = request.get(field);
        if (value != null && !(value instanceof String)) {
            throw io.agentledger.kernel.error.DomainException.invalid(field + " must be text");
        }
        return (String) value;
    }

    private Set<String> subscribed(SocketIOClient client) {
        Set<String> agentsWanted = client.get(AGENTS);
        return agentsWanted == null ? ConcurrentHashMap.newKeySet() : agentsWanted;
    }

    /** Netty-socketio does not say which port 0 bound: a free one is chosen first. */
    private int freePort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName(properties.host()))) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port for Socket.IO", e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (recheck != null) {
            recheck.shutdownNow();
        }
        if (server != null) {
            server.stop();
        }
        following.values().forEach(Disposable::dispose);
        following.clear();
        work.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late, after the command and query buses, like the other live transports. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
