package io.agentledger.kernel.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An MCP server as seed 004 shows it; {@code status} is {@code connected} once it answered, {@code error}
 * when its last check failed, {@code registered} before it was reached. Environment values are not shown.
 */
public record McpServerView(String id, String tenantId, String name, String description, String command,
                            List<String> args, String url, List<String> envNames, String status, String statusMessage,
                            List<McpToolInfo> tools, Instant connectedAt, long version, Instant createdAt,
                            Instant updatedAt) {

    /** The registration as the connection needs it (environment included), never sent to clients. */
    public record Launch(String serverId, String tenantId, String command, List<String> args, String url,
                         Map<String, String> env) {
    }
}
