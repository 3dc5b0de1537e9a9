package io.agentledger.command.connector;

import io.agentledger.kernel.connector.ConnectorCommands.CompleteSync;
import io.agentledger.kernel.connector.ConnectorCommands.Connect;
import io.agentledger.kernel.connector.ConnectorCommands.FailSync;
import io.agentledger.kernel.connector.ConnectorCommands.MarkConnectorFailed;
import io.agentledger.kernel.connector.ConnectorCommands.RecordTokenRefresh;
import io.agentledger.kernel.connector.ConnectorCommands.RemoveConnector;
import io.agentledger.kernel.connector.ConnectorCommands.StartSync;
import io.agentledger.kernel.connector.ConnectorCommands.UpdateConnector;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorConnected;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorFailed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorItemsSynced;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorRemoved;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncCompleted;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncFailed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncStarted;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorTokenRefreshed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorUpdated;
import io.agentledger.kernel.connector.ConnectorStatus;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** A connection to a provider's account, shared by its tenant; the tokens are a credential of its owner. */
@Aggregate
public class ConnectorAggregate {

    @AggregateIdentifier
    private String connectorId;
    private String tenantId;
    private String credentialId;
    private String provider;
    private ConnectorStatus status;
    private boolean enabled;
    private boolean removed;
    private final Set<String> runningSyncs = new HashSet<>();

    protected ConnectorAggregate() {
    }

    @CommandHandler
    public ConnectorAggregate(Connect command) {
        apply(new ConnectorConnected(command.connectorId(), command.tenantId(), command.ownerId(), command.provider(),
                command.name(), command.scopes(), command.credentialId(), command.tokenExpiresAt(),
                command.refreshable(), command.syncFrequency()));
    }

    @CommandHandler
    public long handle(UpdateConnector command) {
        requireAccess(command.tenantId());
        apply(new ConnectorUpdated(connectorId, tenantId, command.updatedBy(), command.name(), command.settings(),
                command.syncFrequency(), command.enabled()));
        return getVersion();
    }

    @CommandHandler
    public void handle(RecordTokenRefresh command) {
        if (!removed) {
            apply(new ConnectorTokenRefreshed(connectorId, tenantId, command.tokenExpiresAt()));
        }
    }

    @CommandHandler
    public void handle(MarkConnectorFailed command) {
        if (!removed && status != ConnectorStatus.ERROR) {
            apply(new ConnectorFailed(connectorId, tenantId, command.message()));
        }
    }

    @CommandHandler
    public long handle(RemoveConnector command) {
        requireAccess(command.tenantId());
        apply(new ConnectorRemoved(connectorId, tenantId, command.removedBy(), credentialId));
        return getVersion();
    }

    @CommandHandler
    public String handle(StartSync command) {
        requireAccess(command.tenantId());
        if (!enabled) {
            throw DomainException.conflict("Connector " + connectorId + " is disabled");
        }
        if (status == ConnectorStatus.ERROR) {
            throw DomainException.conflict("Connector " + connectorId + " is in error: connect it again");
        }
        if (!runningSyncs.isEmpty()) {
            throw DomainException.conflict("Connector " + connectorId + " is already syncing ("
                    + runningSyncs.iterator().next() + ")");
        }
        apply(new ConnectorSyncStarted(connectorId, tenantId, command.syncId(), command.requestedBy()));
        return credentialId;
    }

    @CommandHandler
    public void handle(CompleteSync command) {
        if (runningSyncs.contains(command.syncId())) {
            if (command.items() != null && !command.items().isEmpty()) {
                apply(new ConnectorItemsSynced(connectorId, tenantId, command.syncId(), provider, command.items()));
            }
            apply(new ConnectorSyncCompleted(connectorId, tenantId, command.syncId(), command.itemsFetched()));
        }
    }

    @CommandHandler
    public void handle(FailSync command) {
        if (runningSyncs.contains(command.syncId())) {
            apply(new ConnectorSyncFailed(connectorId, tenantId, command.syncId(), command.errors()));
        }
    }

    private void requireAccess(String callerTenant) {
        if (removed || !tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Connector " + connectorId + " not found");
        }
    }

    @EventSourcingHandler
    void on(ConnectorConnected event) {
        connectorId = event.connectorId();
        tenantId = event.tenantId();
        credentialId = event.credentialId();
        provider = event.provider();
        status = ConnectorStatus.ACTIVE;
        enabled = true;
    }

    @EventSourcingHandler
    void on(ConnectorUpdated event) {
        if (event.enabled() != null) {
            enabled = event.enabled();
        }
    }

    @EventSourcingHandler
    void on(ConnectorTokenRefreshed event) {
        status = ConnectorStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ConnectorFailed event) {
        status = ConnectorStatus.ERROR;
    }

    @EventSourcingHandler
    void on(ConnectorRemoved event) {
        removed = true;
    }

    @EventSourcingHandler
    void on(ConnectorSyncStarted event) {
        runningSyncs.add(event.syncId());
    }

    @EventSourcingHandler
    void on(ConnectorSyncCompleted event) {
        runningSyncs.remove(event.syncId());
    }

    @EventSourcingHandler
    void on(ConnectorSyncFailed event) {
        runningSyncs.remove(event.syncId());
    }
}
