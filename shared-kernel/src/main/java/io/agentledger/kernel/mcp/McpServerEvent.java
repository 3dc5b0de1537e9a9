package io.agentledger.kernel.mcp;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** Every event of an MCP server's registration: who added it, what it offers, how it fares, its removal. */
public sealed interface McpServerEvent permits McpServerEvent.McpServerRegistered, McpServerEvent.McpServerToolsListed,
        McpServerEvent.McpServerHealthChanged, McpServerEvent.McpServerRemoved {

    String serverId();

    String tenantId();

    /**
     * A stdio server ({@code command} and {@code args}) or a streamable-HTTP one ({@code url}). {@code env}
     * values are recorded as given: secrets are named as {@code {{secret:NAME}}} and resolved only at start.
     */
    @Revision("1")
    record McpServerRegistered(String serverId, String tenantId, String registeredBy, String name, String description,
                               String command, List<String> args, String url, Map<String, String> env)
            implements McpServerEvent {
    }

    @Revision("1")
    record McpServerToolsListed(String serverId, String tenantId, List<McpToolInfo> tools) implements McpServerEvent {
    }

    /** {@code status}: {@code healthy} or {@code unhealthy}. */
    @Revision("1")
    record McpServerHealthChanged(String serverId, String tenantId, String status, String message)
            implements McpServerEvent {
    }

    @Revision("1")
    record McpServerRemoved(String serverId, String tenantId, String removedBy) implements McpServerEvent {
    }
}
