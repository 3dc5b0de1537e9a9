package io.agentledger.projection.mcp;

import io.agentledger.kernel.mcp.McpQueries.FindMcpServerVersion;
import io.agentledger.kernel.mcp.McpServerEvent;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerHealthChanged;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerRegistered;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerRemoved;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerToolsListed;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class McpServerWriter {

    private final McpServerRepository servers;
    private final VersionAnnouncer announcer;

    McpServerWriter(McpServerRepository servers, VersionAnnouncer announcer) {
        this.servers = servers;
        this.announcer = announcer;
    }

    void apply(McpServerEvent event, long version, Instant storedAt) {
        Instant at = StoredTime.of(storedAt);
        boolean applied;
        if (event instanceof McpServerRegistered registered) {
            applied = servers.insert(registered, version, at);
        } else if (event instanceof McpServerToolsListed listed) {
            applied = servers.tools(event.serverId(), listed.tools(), version, at);
        } else if (event instanceof McpServerHealthChanged health) {
            applied = servers.health(event.serverId(), health.status(), health.message(), version, at);
        } else if (event instanceof McpServerRemoved) {
            applied = servers.remove(event.serverId(), version, at);
        } else {
            throw new IllegalArgumentException("Unknown MCP server event " + event.getClass().getName());
        }
        if (applied) {
            announcer.announce(FindMcpServerVersion.class, FindMcpServerVersion::serverId, event.serverId(), version);
        }
    }

    void reset() {
        servers.deleteAll();
    }
}
