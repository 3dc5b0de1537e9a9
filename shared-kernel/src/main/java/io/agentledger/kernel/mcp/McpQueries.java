package io.agentledger.kernel.mcp;

public final class McpQueries {

    private McpQueries() {
    }

    public record FindMcpServer(String serverId, String tenantId) {
    }

    public record FindMcpServerVersion(String serverId) {
    }

    public record ListMcpServers(String tenantId) {
    }

    /** Answers a {@link McpServerView.Launch}, or null. */
    public record FindMcpLaunch(String serverId, String tenantId) {
    }
}
