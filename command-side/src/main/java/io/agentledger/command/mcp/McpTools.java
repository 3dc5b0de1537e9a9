package io.agentledger.command.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.command.run.tool.ToolEffects;
import io.agentledger.command.run.tool.ToolKind;
import io.agentledger.kernel.mcp.McpQueries.FindMcpLaunch;
import io.agentledger.kernel.mcp.McpServerView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
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
        McpServerView.Launch launch = queries.query(new FindMcpLaunch(serverId, tenantId), McpServerView.Launch.class)
                .join();
        if (launch == null) {
            throw new IllegalStateException("No MCP server " + serverId);
        }
        return new Tool() {
            public String name() {
                return name;
            }

            public String description() {
                return "MCP tool " + name + " of server " + serverId;
            }

            public ToolKind kind() {
                return ToolKind.EXTERNAL_COMMUNICATION;
            }

            public BigDecimal estimatedCost() {
                return BigDecimal.ZERO;
            }

            public Map<String, String> parameters() {
                return Map.of();
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
