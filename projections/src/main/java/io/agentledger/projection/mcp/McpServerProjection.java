package io.agentledger.projection.mcp;

import io.agentledger.kernel.mcp.McpServerEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The MCP server read model's tracking projection: rebuilds it by replay. */
@Component
@ProcessingGroup(McpServerProjection.GROUP)
public class McpServerProjection {

    public static final String GROUP = "mcp-servers";

    private final McpServerWriter writer;

    McpServerProjection(McpServerWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(McpServerEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
