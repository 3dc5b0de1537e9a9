package io.agentledger.kernel.connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Seed 000's connector, with what an operator needs besides: token expiry, error, the last sync's result. */
public record ConnectorView(String id, String tenantId, String ownerId, String provider, String name,
                            List<String> scopes, String status, Instant lastSync, int syncFrequency,
                            Map<String, Object> settings, boolean isEnabled, Instant tokenExpiresAt,
                            String errorMessage, SyncResult lastSyncResult, long version, Instant createdAt,
                            Instant updatedAt) {

    /** {@code status}: running, completed or failed. */
    public record SyncResult(String syncId, String status, Integer itemsFetched, List<String> errors) {
    }
}
