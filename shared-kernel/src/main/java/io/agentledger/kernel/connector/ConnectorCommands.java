package io.agentledger.kernel.connector;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public final class ConnectorCommands {

    private ConnectorCommands() {
    }

    public record Connect(@TargetAggregateIdentifier String connectorId, String tenantId, String ownerId,
                          String provider, String name, List<String> scopes, String credentialId,
                          Instant tokenExpiresAt, boolean refreshable, int syncFrequency) {
    }

    public record UpdateConnector(@TargetAggregateIdentifier String connectorId, String tenantId, String updatedBy,
                                  String name, Map<String, Object> settings, Integer syncFrequency,
                                  Boolean enabled) {
    }

    public record RecordTokenRefresh(@TargetAggregateIdentifier String connectorId, Instant tokenExpiresAt) {
    }

    public record MarkConnectorFailed(@TargetAggregateIdentifier String connectorId, String message) {
    }

    /** Answers the id of the token credential, for the caller to delete. */
    public record RemoveConnector(@TargetAggregateIdentifier String connectorId, String tenantId, String removedBy) {
    }

    /** Answers the id of the token credential. */
    public record StartSync(@TargetAggregateIdentifier String connectorId, String tenantId, String syncId,
                            String requestedBy) {
    }

    public record CompleteSync(@TargetAggregateIdentifier String connectorId, String syncId, int itemsFetched,
                               List<SyncedItem> items) {
    }

    public record FailSync(@TargetAggregateIdentifier String connectorId, String syncId, List<String> errors) {
    }
}
