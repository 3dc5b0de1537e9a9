package io.agentledger.kernel.mcp;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

public final class McpServerCommands {

    private McpServerCommands() {
    }

    public record RegisterMcpServer(@TargetAggregateIdentifier String serverId, String tenantId, String registeredBy,
                                    String name, String description, String command, List<String> args, String url,
                                    Map<String, String> env) {
    }

    /** Recorded only when the list differs from the last one. */
    public record RecordMcpTools(@TargetAggregateIdentifier String serverId, List<McpToolInfo> tools) {
    }

    /** Recorded only when the status changes. */
    public record RecordMcpHealth(@TargetAggregateIdentifier String serverId, String status, String message) {
    }

    public record RemoveMcpServer(@TargetAggregateIdentifier String serverId, String tenantId, String removedBy) {
    }
}
