package io.agentledger.command.mcp;

import io.agentledger.command.credential.StepUpGuard;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.mcp.McpQueries.FindMcpLaunch;
import io.agentledger.kernel.mcp.McpQueries.FindMcpServer;
import io.agentledger.kernel.mcp.McpQueries.FindMcpServerVersion;
import io.agentledger.kernel.mcp.McpQueries.ListMcpServers;
import io.agentledger.kernel.mcp.McpServerCommands.RecordMcpHealth;
import io.agentledger.kernel.mcp.McpServerCommands.RecordMcpTools;
import io.agentledger.kernel.mcp.McpServerCommands.RegisterMcpServer;
import io.agentledger.kernel.mcp.McpServerCommands.RemoveMcpServer;
import io.agentledger.kernel.mcp.McpServerView;
import io.agentledger.kernel.mcp.McpToolInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Seed 004's MCP servers: registering one connects to it first (a server that cannot be reached is a 400
 * and nothing is recorded); its tools and health are read from the server itself and recorded when they
 * change. A stdio server runs a command here, so only a tenant admin after a step-up registers one.
 */
@RestController
public class McpServerController {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final McpConnections connections;
    private final StepUpGuard stepUp;
    private final Clock clock;

    public McpServerController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                               McpConnections connections, StepUpGuard stepUp, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.connections = connections;
        this.stepUp = stepUp;
        this.clock = clock;
    }

    record RegisterRequest(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
                           @Size(max = 100) String command, @Size(max = 50) List<@Size(max = 1000) String> args,
                           @Size(max = 2000) String url, @Size(max = 50) Map<String, @Size(max = 4000) String> env) {
    }

    @GetMapping("/api/v1/mcp/servers")
    @PreAuthorize("hasAuthority('read:workflows')")
    public List<McpServerView> list(@AuthenticationPrincipal Caller caller) {
        return queries.query(new ListMcpServers(caller.tenantId()),
                ResponseTypes.multipleInstancesOf(McpServerView.class)).join();
    }

    @PostMapping("/api/v1/mcp/servers")
    @PreAuthorize("hasAuthority('write:workflows')")
    public ResponseEntity<McpServerView> register(@Valid @RequestBody RegisterRequest body,
                                                  @AuthenticationPrincipal Caller caller) {
        boolean stdio = body.command() != null;
        if (stdio == (body.url() != null)) {
            throw DomainException.badRequest("Give a command (stdio) or a url (streamable HTTP): one of them");
        }
        if (stdio) {
            if (caller.role() != Role.ADMIN) {
                throw DomainException.forbidden("Only a tenant admin registers a server that runs a command here");
            }
            stepUp.require(caller);
        }
        Map<String, String> env = body.env() == null ? Map.of() : body.env();
        env.keySet().forEach(name -> {
            if (!ENV_NAME.matcher(name).matches()) {
                throw DomainException.invalid("env name " + name + " must be letters, digits and _");
            }
        });
        String serverId = Ids.newId(IdPrefix.MCP_SERVER, clock);
        McpServerView.Launch launch = new McpServerView.Launch(serverId, caller.tenantId(), body.command(),
                body.args() == null ? List.of() : body.args(), body.url(), env);
        List<McpToolInfo> tools;
        try {
            tools = connections.tools(launch);
        } catch (IllegalArgumentException refused) {
            connections.close(serverId);
            throw DomainException.badRequest(refused.getMessage());
        } catch (RuntimeException unreachable) {
            connections.close(serverId);
            throw DomainException.badRequest("The server could not be reached: " + message(unreachable));
        }
        commands.sendAndWait(new RegisterMcpServer(serverId, caller.tenantId(), caller.userId(), body.name(),
                body.description(), body.command(), launch.args(), body.url(), env));
        commands.sendAndWait(new RecordMcpTools(serverId, tools));
        commands.sendAndWait(new RecordMcpHealth(serverId, "healthy", null));
        readModel.awaitVersion(new FindMcpServerVersion(serverId), 2);
        return ResponseEntity.status(HttpStatus.CREATED).body(server(serverId, caller));
    }

    @DeleteMapping("/api/v1/mcp/servers/{serverId}")
    @PreAuthorize("hasAuthority('write:workflows')")
    public ResponseEntity<Void> remove(@PathVariable String serverId, @AuthenticationPrincipal Caller caller) {
        server(serverId, caller);
        connections.close(serverId);
        commands.sendAndWait(new RemoveMcpServer(serverId, caller.tenantId(), caller.userId()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/mcp/servers/{serverId}/tools")
    @PreAuthorize("hasAuthority('read:workflows')")
    public List<Map<String, Object>> tools(@PathVariable String serverId, @AuthenticationPrincipal Caller caller) {
        McpServerView server = server(serverId, caller);
        List<McpToolInfo> tools = server.tools();
        try {
            tools = connections.tools(launch(serverId, caller));
            commands.sendAndWait(new RecordMcpTools(serverId, tools));
        } catch (RuntimeException unreachable) {
            commands.sendAndWait(new RecordMcpHealth(serverId, "unhealthy", message(unreachable)));
        }
        return tools.stream().map(tool -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("name", tool.name());
            shown.put("description", tool.description());
            shown.put("input_schema", tool.inputSchema());
            shown.put("server_id", serverId);
            return shown;
        }).toList();
    }

    @GetMapping({"/api/v1/mcp/servers/{serverId}/health", "/health/mcp/{serverId}"})
    @PreAuthorize("hasAuthority('read:workflows')")
    public Map<String, Object> health(@PathVariable String serverId, @AuthenticationPrincipal Caller caller) {
        server(serverId, caller);
        Instant start = clock.instant();
        String status = "healthy";
        String message = null;
        try {
            connections.check(launch(serverId, caller));
        } catch (RuntimeException failed) {
            status = "unhealthy";
            message = message(failed);
        }
        long latency = Duration.between(start, clock.instant()).toMillis();
        commands.sendAndWait(new RecordMcpHealth(serverId, status, message));
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("server_id", serverId);
        health.put("status", status);
        health.put("message", message);
        health.put("latency_ms", latency);
        return health;
    }

    private McpServerView server(String serverId, Caller caller) {
        McpServerView server = queries.query(new FindMcpServer(serverId, caller.tenantId()), McpServerView.class).join();
        if (server == null) {
            throw DomainException.notFound("Server " + serverId + " not found");
        }
        return server;
    }

    private McpServerView.Launch launch(String serverId, Caller caller) {
        return queries.query(new FindMcpLaunch(serverId, caller.tenantId()), McpServerView.Launch.class).join();
    }

    private static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
