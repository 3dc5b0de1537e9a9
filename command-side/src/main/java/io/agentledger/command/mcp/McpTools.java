package io.agentledger.command.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.command.run.tool.ToolEffects;
import io.agentledger.command.run.tool.ToolKind;
import io.agentledger.kernel.mcp.McpQueries.FindMcpLaunch;
import io.agentledger.kernel.mcp.McpQueries.ListMcpServers;
import io.agentledger.kernel.mcp.McpServerView;
import io.agentledger.kernel.mcp.McpToolInfo;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's MCP server's tool as a {@link Tool}, so a workflow runs it like a built-in one: through the
 * tool ledger (recorded, at most once per node), with secrets resolved only as it runs and redacted after.
 */
@Component
public class McpTools {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpConnections connections;
    private final QueryGateway queries;

    public McpTools(McpConnections connections, QueryGateway queries) {
        this.connections = connections;
        this.queries = queries;
    }

    public Tool tool(String serverId, String tenantId, String name) {
        return tool(launch(serverId, tenantId), name, name, "MCP tool " + name + " of server " + serverId, Map.of());
    }

    /**
     * The tenant's MCP tools as the goal runs' planner sees them, named {@code mcp_<server>_<tool>} (letters,
     * digits and _ only), each with its description and parameters from its input schema.
     */
    public List<Tool> forTenant(String tenantId) {
        List<Tool> tools = new ArrayList<>();
        for (McpServerView server : queries.query(new ListMcpServers(tenantId),
                ResponseTypes.multipleInstancesOf(McpServerView.class)).join()) {
            McpServerView.Launch launch = server.tools().isEmpty() ? null : launch(server.id(), tenantId);
            for (McpToolInfo info : server.tools()) {
                tools.add(tool(launch, info.name(), plannerName(server.name(), info.name()),
                        (info.description() == null ? info.name() : info.description()) + " (MCP server "
                                + server.name() + ")", parameters(info)));
            }
        }
        return tools;
    }

    private static String plannerName(String server, String tool) {
        return ("mcp_" + server + "_" + tool).replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static Map<String, String> parameters(McpToolInfo info) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (info.inputSchema() != null && info.inputSchema().get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, schema) -> parameters.put(String.valueOf(name), schema instanceof Map<?, ?> s
                    && s.get("description") != null ? String.valueOf(s.get("description"))
                    : schema instanceof Map<?, ?> t ? String.valueOf(t.get("type")) : "value"));
        }
        return parameters;
    }

    private McpServerView.Launch launch(String serverId, String tenantId) {
        McpServerView.Launch launch = queries.query(new FindMcpLaunch(serverId, tenantId), McpServerView.Launch.class)
                .join();
        if (launch == null) {
            throw new IllegalStateException("No MCP server " + serverId);
        }
        return launch;
    }

    private Tool tool(McpServerView.Launch launch, String name, String shownName, String description,
                      Map<String, String> parameters) {
        String serverId = launch.serverId();
        return new Tool() {
            public String name() {
                return shownName;
            }

            public String description() {
                return description;
            }

            public ToolKind kind() {
                return ToolKind.EXTERNAL_COMMUNICATION;
            }

            public BigDecimal estimatedCost() {
                return BigDecimal.ZERO;
            }

            public Map<String, String> parameters() {
                return parameters;
            }

            public Map<String, Object> execute(Map<String, Object> parameters, ToolEffects effects) {
                String text = connections.call(launch, name, json(parameters));
                return Map.of("server_id", serverId, "tool", name, "result", parsed(text));
            }
        };
    }

    private static String json(Map<String, Object> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The parameters are not JSON", e);
        }
    }

    /** A result that is JSON is kept as such; any other text as text. */
    private static Object parsed(String text) {
        try {
            return text == null ? "" : JSON.readValue(text, Object.class);
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}
