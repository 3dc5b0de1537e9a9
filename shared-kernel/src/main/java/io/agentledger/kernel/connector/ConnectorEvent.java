package io.agentledger.kernel.connector;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A connector's life; its tokens live in a credential ({@code credentialId}), never here. */
public sealed interface ConnectorEvent permits ConnectorEvent.ConnectorConnected, ConnectorEvent.ConnectorUpdated,
        ConnectorEvent.ConnectorTokenRefreshed, ConnectorEvent.ConnectorFailed, ConnectorEvent.ConnectorRemoved,
        ConnectorEvent.ConnectorSyncStarted, ConnectorEvent.ConnectorItemsSynced, ConnectorEvent.ConnectorSyncCompleted,
        ConnectorEvent.ConnectorSyncFailed {

    String connectorId();

    String tenantId();

    @Revision("1")
    record ConnectorConnected(String connectorId, String tenantId, String ownerId, String provider, String name,
                              List<String> scopes, String credentialId, Instant tokenExpiresAt,
                              boolean refreshable, int syncFrequency) implements ConnectorEvent {
    }

    /** Null fields are unchanged. */
    @Revision("1")
    record ConnectorUpdated(String connectorId, String tenantId, String updatedBy, String name,
                            Map<String, Object> settings, Integer syncFrequency, Boolean enabled)
            implements ConnectorEvent {
    }

    @Revision("1")
    record ConnectorTokenRefreshed(String connectorId, String tenantId, Instant tokenExpiresAt)
            implements ConnectorEvent {
    }

    @Revision("1")
    record ConnectorFailed(String connectorId, String tenantId, String message) implements ConnectorEvent {
    }

    @Revision("1")
    record ConnectorRemoved(String connectorId, String tenantId, String removedBy, String credentialId)
            implements ConnectorEvent {
    }

    @Revision("1")
    record ConnectorSyncStarted(String connectorId, String tenantId, String syncId, String requestedBy)
            implements ConnectorEvent {
    }

    /** What a sync fetched, as much as automations match on (bounded); {@code provider} is the connector's. */
    @Revision("1")
    record ConnectorItemsSynced(String connectorId, String tenantId, String syncId, String provider,
                                List<SyncedItem> items) implements ConnectorEvent {
    }

    @Revision("1")
    record ConnectorSyncCompleted(String connectorId, String tenantId, String syncId, int itemsFetched)
            implements ConnectorEvent {
    }

    @Revision("1")
    record ConnectorSyncFailed(String connectorId, String tenantId, String syncId, List<String> errors)
            implements ConnectorEvent {
    }
}
