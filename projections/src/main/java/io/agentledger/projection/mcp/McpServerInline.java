package io.agentledger.projection.mcp;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.mcp.McpServerEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The MCP server read model written in the command's transaction. */
@Component
@InlineReadModel
@ProcessingGroup(McpServerInline.GROUP)
public class McpServerInline {

    public static final String GROUP = "mcp-servers-inline";

    private final McpServerWriter writer;

    McpServerInline(McpServerWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(McpServerEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }
}
