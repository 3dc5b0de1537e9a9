package io.agentledger.projection.connector;

import io.agentledger.kernel.connector.ConnectorEvent.ConnectorConnected;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorFailed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorRemoved;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncCompleted;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncFailed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorSyncStarted;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorTokenRefreshed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorUpdated;
import io.agentledger.kernel.connector.ConnectorQueries.FindConnectorVersion;
import io.agentledger.projection.support.VersionAnnouncer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(ConnectorDirectoryProjection.GROUP)
public class ConnectorDirectoryProjection {

    public static final String GROUP = "connector-directory";

    private final ConnectorViewRepository connectors;
    private final VersionAnnouncer versions;

    public ConnectorDirectoryProjection(ConnectorViewRepository connectors, VersionAnnouncer versions) {
        this.connectors = connectors;
        this.versions = versions;
    }

    @EventHandler
    void on(ConnectorConnected event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.insert(event, version, at);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.update(event, version, at);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorTokenRefreshed event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.refreshed(event.connectorId(), event.tokenExpiresAt(), version, at);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.failed(event.connectorId(), event.message(), version, at);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.removed(event.connectorId(), version, at);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorSyncStarted event, @SequenceNumber long version) {
        connectors.syncStarted(event.connectorId(), event.syncId(), version);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorSyncCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.syncEnded(event.connectorId(), event.syncId(), event.itemsFetched(), null, version, at);
        announce(event.connectorId(), version);
    }

    @EventHandler
    void on(ConnectorSyncFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        connectors.syncEnded(event.connectorId(), event.syncId(), null, event.errors(), version, at);
        announce(event.connectorId(), version);
    }

    @ResetHandler
    void reset() {
        connectors.deleteAll();
    }

    private void announce(String connectorId, long version) {
        versions.announce(FindConnectorVersion.class, FindConnectorVersion::connectorId, connectorId, version);
    }
}
