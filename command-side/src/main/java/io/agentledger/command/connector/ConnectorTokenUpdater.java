package io.agentledger.command.connector;

import io.agentledger.kernel.connector.ConnectorEvent.ConnectorConnected;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorFailed;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorRemoved;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorTokenRefreshed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** In the transaction of the connector's events (subscribing): whose tokens to refresh, and when. */
@Component
@ProcessingGroup(ConnectorTokenUpdater.GROUP)
public class ConnectorTokenUpdater {

    public static final String GROUP = "connector-tokens";

    private final JdbcTemplate jdbc;

    public ConnectorTokenUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConnectorConnected event) {
        jdbc.update("INSERT INTO connector_token (connector_id, tenant_id, owner_id, provider, credential_id, "
                + "token_expires_at, refreshable) VALUES (?, ?, ?, ?, ?, ?, ?)", event.connectorId(), event.tenantId(),
                event.ownerId(), event.provider(), event.credentialId(), timestamp(event.tokenExpiresAt()),
                event.refreshable());
    }

    @EventHandler
    void on(ConnectorTokenRefreshed event) {
        jdbc.update("UPDATE connector_token SET token_expires_at = ?, failed = false, lease_until = NULL "
                + "WHERE connector_id = ?", timestamp(event.tokenExpiresAt()), event.connectorId());
    }

    @EventHandler
    void on(ConnectorFailed event) {
        jdbc.update("UPDATE connector_token SET failed = true, lease_until = NULL WHERE connector_id = ?",
                event.connectorId());
    }

    @EventHandler
    void on(ConnectorRemoved event) {
        jdbc.update("DELETE FROM connector_token WHERE connector_id = ?", event.connectorId());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
