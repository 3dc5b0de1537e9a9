package io.agentledger.command.connector;

import io.agentledger.command.credential.CredentialService;
import io.agentledger.kernel.connector.ConnectorCommands.MarkConnectorFailed;
import io.agentledger.kernel.connector.ConnectorCommands.RecordTokenRefresh;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Refreshes tokens before they expire. A provider refusing the refresh puts the connector in error at
 * once; a provider out of reach is tried again until the token has expired. Each connector is leased
 * for a minute, so several nodes never refresh the same one together.
 */
@Component
public class ConnectorRefresher {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRefresher.class);

    private final JdbcTemplate jdbc;
    private final ConnectorProperties properties;
    private final ConnectorService connectors;
    private final OAuthClient oauth;
    private final CredentialService credentials;
    private final CommandGateway commands;
    private final Clock clock;

    public ConnectorRefresher(JdbcTemplate jdbc, ConnectorProperties properties, ConnectorService connectors,
                              OAuthClient oauth, CredentialService credentials, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.connectors = connectors;
        this.oauth = oauth;
        this.credentials = credentials;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${agentledger.connectors.refresh-interval:PT30S}",
            initialDelayString = "${agentledger.connectors.refresh-interval:PT30S}")
    public void refreshDue() {
        Instant now = clock.instant();
        List<String> due = jdbc.queryForList("UPDATE connector_token SET lease_until = ? WHERE connector_id IN ("
                + "SELECT connector_id FROM connector_token WHERE refreshable AND NOT failed "
                + "AND token_expires_at < ? AND (lease_until IS NULL OR lease_until < ?) LIMIT 20 "
                + "FOR UPDATE SKIP LOCKED) RETURNING connector_id", String.class,
                Timestamp.from(now.plusSeconds(60)), Timestamp.from(now.plus(properties.refreshAhead())),
                Timestamp.from(now));
        due.forEach(this::refresh);
    }

    void refresh(String connectorId) {
        ConnectorService.TokenHolder holder = connectors.holder(connectorId);
        if (holder == null) {
            return;
        }
        try {
            ConnectorProperties.Provider settings = properties.provider(holder.provider());
            String purpose = "connector " + connectorId + " token refresh";
            String document = credentials.useObtained(holder.credentialId(), holder.tenantId(), holder.ownerId(),
                    purpose);
            OAuthClient.Tokens tokens = oauth.refresh(settings, connectors.clientSecret(holder.tenantId(),
                    holder.provider(), settings, connectorId, "token refresh"), TokenDocument.refreshToken(document));
            credentials.replaceObtained(holder.credentialId(), holder.tenantId(), holder.ownerId(),
                    TokenDocument.write(tokens), null);
            commands.sendAndWait(new RecordTokenRefresh(connectorId, tokens.expiresAt()));
        } catch (RuntimeException failure) {
            if (failure instanceof DomainException domain && domain.code() == ErrorCode.UPSTREAM_ERROR
                    && !expired(connectorId)) {
                log.warn("Refreshing connector {} failed, trying again: {}", connectorId, failure.getMessage());
                return;
            }
            log.warn("Refreshing connector {} failed: {}", connectorId, failure.getMessage());
            commands.sendAndWait(new MarkConnectorFailed(connectorId, "Token refresh failed: "
                    + failure.getMessage()));
        }
    }

    private boolean expired(String connectorId) {
        return jdbc.queryForList("SELECT 1 FROM connector_token WHERE connector_id = ? AND token_expires_at < ?",
                connectorId, Timestamp.from(clock.instant())).size() > 0;
    }
}
