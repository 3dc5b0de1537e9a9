package io.agentledger.command.mcp;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.agentledger.command.credential.SecretReferences;
import io.agentledger.kernel.mcp.McpServerView.Launch;
import io.agentledger.kernel.mcp.McpToolInfo;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP clients of this node, one per server, through LangChain4j's MCP client: started on first use,
 * kept warm, started again when the server died, and closed with the service. A stdio server runs as
 * {@code env -u <each of the service's variables> -C <its folder> PATH=… HOME=… <command> <args>}: it inherits
 * nothing of the service's environment and gets only the variables its registration names, passed in its
 * environment (secrets resolved here), never on a command line another local user could read.
 */
@Component
public class McpConnections {

    private static final Logger log = LoggerFactory.getLogger(McpConnections.class);

    private final McpProperties properties;
    private final SecretReferences secrets;
    private final Path root;
    private final Map<String, McpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, StdioMcpTransport> processes = new ConcurrentHashMap<>();

    public McpConnections(McpProperties properties, SecretReferences secrets,
                          @Value("${agentledger.data-dir:./data}") Path dataDir) {
        this.properties = properties;
        this.secrets = secrets;
        this.root = dataDir.resolve("mcp").toAbsolutePath().normalize();
    }

    public List<McpToolInfo> tools(Launch server) {
        List<McpToolInfo> tools = new ArrayList<>();
        for (ToolSpecification spec : withClient(server, McpClient::listTools)) {
            tools.add(new McpToolInfo(spec.name(), spec.description(), spec.parameters() == null ? Map.of()
                    : JsonSchemaElementUtils.toMap(spec.parameters())));
        }
        return tools;
    }

    public void check(Launch server) {
        withClient(server, client -> {
            client.checkHealth();
            return null;
        });
    }

    /**
     * Calls the tool once: a call that fails (the server died under it, say) fails, and the client is
     * closed so the next call starts the server again. Calls are not repeated here: the caller's retry
     * is recorded as a new attempt, and a call may have had its effect before the server died.
     */
    public String call(Launch server, String tool, String argumentsJson) {
        ToolExecutionResult result;
        try {
            result = client(server).executeTool(ToolExecutionRequest.builder().id(tool).name(tool)
                    .arguments(argumentsJson).build());
        } catch (RuntimeException failed) {
            close(server.serverId());
            throw failed;
        }
        if (result.isError()) {
            throw new IllegalStateException("MCP tool " + tool + " failed: " + result.resultText());
        }
        return result.resultText();
    }

    public void close(String serverId) {
        processes.remove(serverId);
        McpClient client = clients.remove(serverId);
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                log.debug("Closing MCP server {}: {}", serverId, e.toString());
            }
        }
    }

    @PreDestroy
    void closeAll() {
        List.copyOf(clients.keySet()).forEach(this::close);
    }

    private interface Use<T> {
        T with(McpClient client);
    }

    /** For questions without effects: the warm client; one that fails is closed, started again and asked again. */
    private <T> T withClient(Launch server, Use<T> use) {
        try {
            return use.with(client(server));
        } catch (RuntimeException first) {
            log.info("MCP server {} failed ({}); starting it again", server.serverId(), first.toString());
            close(server.serverId());
            return use.with(client(server));
        }
    }

    /** A warm client whose server process died is closed first, so the call starts it again at once. */
    private McpClient client(Launch server) {
        StdioMcpTransport process = processes.get(server.serverId());
        if (process != null && process.getProcess() != null && !process.getProcess().isAlive()) {
            log.info("MCP server {} exited; starting it again", server.serverId());
            close(server.serverId());
        }
        return clients.computeIfAbsent(server.serverId(), id -> new DefaultMcpClient.Builder()
                .key(id).clientName("agentledger").clientVersion("1")
                .transport(transport(server))
                .initializationTimeout(properties.startTimeout())
                .toolExecutionTimeout(properties.callTimeout())
                .build());
    }

    private McpTransport transport(Launch server) {
        if (server.url() != null) {
            requireAllowedHost(server.url());
            return new StreamableHttpMcpTransport.Builder().url(server.url()).timeout(properties.callTimeout()).build();
        }
        requireAllowedCommand(server.command());
        Path folder = root.resolve(server.tenantId()).resolve(server.serverId());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make the server's folder: " + e.getMessage(), e);
        }
        Map<String, String> registered = environment(server);
        List<String> command = new ArrayList<>(List.of("env"));
        for (String inherited : System.getenv().keySet()) {
            if (!registered.containsKey(inherited)) {
                command.add("-u");
                command.add(inherited);
            }
        }
        command.addAll(List.of("-C", folder.toString(), "PATH=" + properties.path(), "HOME=" + folder,
                "LANG=C.UTF-8", server.command()));
        command.addAll(server.args() == null ? List.of() : server.args());
        StdioMcpTransport transport = new StdioMcpTransport.Builder().command(command).environment(registered)
                .logEvents(false).build();
        processes.put(server.serverId(), transport);
        return transport;
    }

    /** The registration's variables with their secret references resolved, now, for this start only. */
    private Map<String, String> environment(Launch server) {
        if (server.env() == null || server.env().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> raw = new LinkedHashMap<>(server.env());
        Map<String, Object> resolved = secrets.resolve(new SecretReferences.Use(server.tenantId(), "system:mcp",
                "MCP server " + server.serverId() + " start", server.serverId()), raw).parameters();
        Map<String, String> env = new LinkedHashMap<>();
        resolved.forEach((name, value) -> env.put(name, String.valueOf(value)));
        return env;
    }

    void requireAllowedCommand(String command) {
        if (command == null || command.contains("/") || !properties.allowedCommands().contains(command)) {
            throw new IllegalArgumentException("command must be one of " + properties.allowedCommands()
                    + " (a bare name; agentledger.mcp.allowed-commands)");
        }
    }

    void requireAllowedHost(String url) {
        String host;
        try {
            URI uri = URI.create(url);
            host = uri.getHost();
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("url must be http or https");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a valid http(s) URL: " + e.getMessage());
        }
        if (host == null || !properties.allowedHosts().contains(host)) {
            throw new IllegalArgumentException("url's host must be one of " + properties.allowedHosts()
                    + " (agentledger.mcp.allowed-hosts)");
        }
    }
}
