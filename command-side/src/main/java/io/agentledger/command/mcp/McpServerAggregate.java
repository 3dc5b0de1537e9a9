package io.agentledger.command.mcp;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.mcp.McpServerCommands.RecordMcpHealth;
import io.agentledger.kernel.mcp.McpServerCommands.RecordMcpTools;
import io.agentledger.kernel.mcp.McpServerCommands.RegisterMcpServer;
import io.agentledger.kernel.mcp.McpServerCommands.RemoveMcpServer;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerHealthChanged;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerRegistered;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerRemoved;
import io.agentledger.kernel.mcp.McpServerEvent.McpServerToolsListed;
import io.agentledger.kernel.mcp.McpToolInfo;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** An MCP server a tenant registered: its tool list and health are recorded as they change. */
@Aggregate
public class McpServerAggregate {

    @AggregateIdentifier
    private String serverId;
    private String tenantId;
    private List<McpToolInfo> tools;
    private String status;

    protected McpServerAggregate() {
    }

    @CommandHandler
    public McpServerAggregate(RegisterMcpServer command) {
        apply(new McpServerRegistered(command.serverId(), command.tenantId(), command.registeredBy(), command.name(),
                command.description(), command.command(), command.args(), command.url(), command.env()));
    }

    @CommandHandler
    public void handle(RecordMcpTools command) {
        if (!Objects.equals(tools, command.tools())) {
            apply(new McpServerToolsListed(serverId, tenantId, command.tools()));
        }
    }

    @CommandHandler
    public void handle(RecordMcpHealth command) {
        if (!Objects.equals(status, command.status())) {
            apply(new McpServerHealthChanged(serverId, tenantId, command.status(), command.message()));
        }
    }

    @CommandHandler
    public void handle(RemoveMcpServer command) {
        if (!tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Server " + serverId + " not found");
        }
        apply(new McpServerRemoved(serverId, tenantId, command.removedBy()));
    }

    @EventSourcingHandler
    void on(McpServerRegistered event) {
        serverId = event.serverId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(McpServerToolsListed event) {
        tools = event.tools();
    }

    @EventSourcingHandler
    void on(McpServerHealthChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(McpServerRemoved event) {
        markDeleted();
    }
}
