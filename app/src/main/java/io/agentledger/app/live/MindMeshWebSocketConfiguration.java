package io.agentledger.app.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.task.TaskService;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import io.agentledger.kernel.task.TaskQueries.FindTask;
import io.agentledger.kernel.task.TaskView;
import io.agentledger.query.live.TaskStream;
import org.axonframework.queryhandling.QueryGateway;
import io.agentledger.query.live.MindMeshStream;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The seeds' WebSockets on the HTTP port: {@code /ws} (seed 000) and {@code /ws/tasks/{task_id}} (seed 002). The handshake authenticates {@code token} (an access token or an API key)
 * as the REST API does; a missing or bad one is a 401 before any upgrade. Browsers send their origin: only
 * the CORS origins may open it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class MindMeshWebSocketConfiguration implements WebSocketConfigurer {

    private final MindMeshStream stream;
    private final ObjectMapper json;
    private final LiveAuthentication authentication;
    private final String[] origins;
    private final TaskStream taskStream;
    private final TaskService taskService;
    private final QueryGateway queries;
    private final Clock clock;

    public MindMeshWebSocketConfiguration(MindMeshStream stream, ObjectMapper json, LiveAuthentication authentication,
                                          @org.springframework.beans.factory.annotation.Value("${CORS_ORIGINS:}")
                                          String origins, TaskStream taskStream, TaskService taskService,
                                          QueryGateway queries, Clock clock) {
        this.taskStream = taskStream;
        this.taskService = taskService;
        this.queries = queries;
        this.clock = clock;
        this.stream = stream;
        this.json = json;
        this.authentication = authentication;
        this.origins = origins.isBlank() ? new String[0] : origins.split("\\s*,\\s*");
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new MindMeshWebSocket(stream, json, authentication), "/ws")
                .addInterceptors(new TokenHandshake(authentication))
                .setAllowedOriginPatterns(origins);
        registry.addHandler(new TaskWebSocket(taskStream, taskService, json, authentication, clock), "/ws/tasks/*")
                .addInterceptors(new TokenHandshake(authentication), new TaskHandshake(queries))
                .setAllowedOriginPatterns(origins);
    }

    /** Seed 002: the task must be the caller's tenant's (404 otherwise) and the caller may read tasks (403). */
    static final class TaskHandshake implements HandshakeInterceptor {

        private final QueryGateway queries;

        TaskHandshake(QueryGateway queries) {
            this.queries = queries;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            Caller caller = (Caller) attributes.get(MindMeshWebSocket.CALLER);
            String path = request.getURI().getPath();
            String taskId = path.substring(path.lastIndexOf('/') + 1);
            if (!caller.can(Permission.READ_TASKS)) {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }
            if (taskId.isEmpty() || queries.query(new FindTask(taskId, caller.tenantId()), TaskView.class).join()
                    == null) {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return false;
            }
            attributes.put(TaskWebSocket.TASK, taskId);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }

    static final class TokenHandshake implements HandshakeInterceptor {

        private final LiveAuthentication authentication;

        TokenHandshake(LiveAuthentication authentication) {
            this.authentication = authentication;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
            String token = query.getFirst("token");
            Optional<Caller> caller = token == null || token.isBlank() ? Optional.empty()
                    : authentication.authenticate(token);
            if (caller.isEmpty()) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            String from = query.getFirst(MindMeshWebSocket.FROM);
            if (from != null) {
                try {
                    long position = Long.parseLong(from);
                    if (position < 0) {
                        throw new NumberFormatException();
                    }
                    attributes.put(MindMeshWebSocket.FROM, position);
                } catch (NumberFormatException e) {
                    response.setStatusCode(HttpStatus.BAD_REQUEST);
                    return false;
                }
            }
            attributes.put(MindMeshWebSocket.CALLER, caller.get());
            attributes.put(MindMeshWebSocket.TOKEN, token);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }
}
