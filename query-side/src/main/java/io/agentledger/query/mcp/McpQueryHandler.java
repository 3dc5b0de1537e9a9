package io.agentledger.query.mcp;

import io.agentledger.kernel.mcp.McpQueries.FindMcpLaunch;
import io.agentledger.kernel.mcp.McpQueries.FindMcpServer;
import io.agentledger.kernel.mcp.McpQueries.FindMcpServerVersion;
import io.agentledger.kernel.mcp.McpQueries.ListMcpServers;
import io.agentledger.kernel.mcp.McpServerView;
import io.agentledger.projection.mcp.McpServerRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
public class McpQueryHandler {

    private final McpServerRepository servers;

    public McpQueryHandler(McpServerRepository servers) {
        this.servers = servers;
    }

    @QueryHandler
    public McpServerView handle(FindMcpServer query) {
        return servers.find(query.serverId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindMcpServerVersion query) {
        return servers.version(query.serverId());
    }

    @QueryHandler
    public List<McpServerView> handle(ListMcpServers query) {
        return servers.list(query.tenantId());
    }

    @QueryHandler
    public McpServerView.Launch handle(FindMcpLaunch query) {
        return servers.launch(query.serverId(), query.tenantId()).orElse(null);
    }
}
