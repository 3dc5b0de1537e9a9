package io.agentledger.command.connector;

import io.agentledger.command.credential.CredentialService;
import io.agentledger.command.credential.SecretReferences;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.connector.ConnectorCommands.CompleteSync;
import io.agentledger.kernel.connector.ConnectorCommands.Connect;
import io.agentledger.kernel.connector.ConnectorCommands.FailSync;
import io.agentledger.kernel.connector.ConnectorCommands.RemoveConnector;
import io.agentledger.kernel.connector.ConnectorCommands.StartSync;
import io.agentledger.kernel.connector.ConnectorCommands.UpdateConnector;
import io.agentledger.kernel.connector.ConnectorQueries.FindConnectorVersion;
import io.agentledger.kernel.credential.CredentialType;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.system.SettingsSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Connecting through OAuth, changing, removing and syncing connectors. */
@Service
public class ConnectorService {

    static final String ACTOR = "system:connectors";
    private static final Logger log = LoggerFactory.getLogger(ConnectorService.class);

    private final ConnectorProperties properties;
    private final OAuthStates states;
    private final OAuthClient oauth;
    private final CredentialService credentials;
    private final SecretReferences secrets;
    private final CommandGateway commands;
    private final ReadModelAwait readModel;
    private final JdbcTemplate jdbc;
    private final ExecutorService syncs;
    private final SystemSettings systemSettings;

    public ConnectorService(ConnectorProperties properties, OAuthStates states, OAuthClient oauth,
                            CredentialService credentials, SecretReferences secrets, CommandGateway commands,
                            ReadModelAwait readModel, JdbcTemplate jdbc, ExecutorService connectorSyncs,
                            SystemSettings systemSettings) {
        this.properties = properties;
        this.states = states;
        this.oauth = oauth;
        this.credentials = credentials;
        this.secrets = secrets;
        this.commands = commands;
        this.readModel = readModel;
        this.jdbc = jdbc;
        this.syncs = connectorSyncs;
        this.systemSettings = systemSettings;
    }

    public Map<String, Object> start(Caller caller, String provider, String name) {
        if (!systemSettings.flag(caller.tenantId(), SettingsSchema.CONNECTORS_ENABLED)) {
            throw DomainException.forbidden("Connectors are turned off for this tenant (setting "
                    + SettingsSchema.CONNECTORS_ENABLED + ")");
        }
        ConnectorProperties.Provider settings = properties.provider(provider);
        String secretName = ConnectorProperties.clientSecretName(provider, settings);
        if (secrets.idOf(caller.tenantId(), secretName).isEmpty()) {
            throw DomainException.conflict("Store the client secret of " + provider + " as the secret " + secretName
                    + " first (POST /api/v1/secrets)");
        }
        OAuthStates.Issued issued = states.issue(caller, provider, name);
        UriComponentsBuilder url = UriComponentsBuilder.fromUri(settings.authUrl())
                .queryParam("response_type", "code").queryParam("client_id", settings.clientId())
                .queryParam("scope", String.join(" ", settings.scopes())).queryParam("state", issued.state());
        if (settings.redirectUri() != null) {
            url.queryParam("redirect_uri", settings.redirectUri());
        }
        return Map.of("provider", provider, "authorization_url", url.encode().build().toUriString(),
                "state", issued.state(), "expires_at", issued.expiresAt());
    }

    public String callback(Caller caller, String provider, String code, String state) {
        ConnectorProperties.Provider settings = properties.provider(provider);
        String name = states.redeem(caller, provider, state)
                .orElse(settings.displayName() != null ? settings.displayName() : provider);
        String connectorId = Ids.newId(IdPrefix.CONNECTOR);
        OAuthClient.Tokens tokens = oauth.exchange(settings, clientSecret(caller.tenantId(), provider, settings,
                connectorId, "authorization code exchange"), code);
        String credentialId = credentials.storeObtained(caller.tenantId(), caller.userId(), "connector:" + provider,
                CredentialType.OAUTH_TOKEN, TokenDocument.write(tokens), "OAuth tokens of connector " + connectorId,
                null);
        commands.sendAndWait(new Connect(connectorId, caller.tenantId(), caller.userId(), provider, name,
                tokens.scopes().isEmpty() ? settings.scopes() : tokens.scopes(), credentialId, tokens.expiresAt(),
                tokens.refreshToken() != null, properties.defaultSyncFrequency()));
        readModel.awaitVersion(new FindConnectorVersion(connectorId), 0);
        return connectorId;
    }

    public void update(Caller caller, String connectorId, String name, Map<String, Object> settings,
                       Integer syncFrequency, Boolean enabled) {
        long version = commands.sendAndWait(new UpdateConnector(connectorId, caller.tenantId(), caller.userId(),
                name, settings, syncFrequency, enabled));
        readModel.awaitVersion(new FindConnectorVersion(connectorId), version);
    }

    /** The connector goes, and its tokens with it (their data key destroyed). */
    public void remove(Caller caller, String connectorId) {
        TokenHolder holder = holder(connectorId);
        long version = commands.sendAndWait(new RemoveConnector(connectorId, caller.tenantId(), caller.userId()));
        readModel.awaitVersion(new FindConnectorVersion(connectorId), version);
        if (holder != null) {
            credentials.deleteObtained(holder.credentialId(), holder.tenantId(), holder.ownerId());
        }
    }

    public String sync(Caller caller, String connectorId) {
        TokenHolder holder = holder(connectorId);
        if (holder == null || !holder.tenantId().equals(caller.tenantId())) {
            throw DomainException.notFound("Connector " + connectorId + " not found");
        }
        ConnectorProperties.Provider settings = properties.provider(holder.provider());
        if (settings.syncUrl() == null) {
            throw DomainException.conflict("Provider " + holder.provider() + " has no sync endpoint configured");
        }
        String syncId = Ids.newId(IdPrefix.SYNC);
        commands.sendAndWait(new StartSync(connectorId, caller.tenantId(), syncId, caller.userId()));
        syncs.submit(() -> runSync(holder, settings, connectorId, syncId));
        return syncId;
    }

    private void runSync(TokenHolder holder, ConnectorProperties.Provider settings, String connectorId,
                         String syncId) {
        try {
            String document = credentials.useObtained(holder.credentialId(), holder.tenantId(), holder.ownerId(),
                    "connector " + connectorId + " sync " + syncId);
            var answer = oauth.get(settings.syncUrl(), TokenDocument.accessToken(document));
            commands.sendAndWait(new CompleteSync(connectorId, syncId, answer.path("items").size(),
                    SyncedItems.of(answer)));
        } catch (RuntimeException failure) {
            log.warn("Sync {} of connector {} failed: {}", syncId, connectorId, failure.getMessage());
            commands.sendAndWait(new FailSync(connectorId, syncId, List.of(String.valueOf(failure.getMessage()))));
        }
    }

    String clientSecret(String tenantId, String provider, ConnectorProperties.Provider settings, String connectorId,
                        String purpose) {
        return secrets.valueOf(new SecretReferences.Use(tenantId, ACTOR, "connector " + connectorId + " " + purpose,
                connectorId), ConnectorProperties.clientSecretName(provider, settings));
    }

    record TokenHolder(String tenantId, String ownerId, String provider, String credentialId) {
    }

    TokenHolder holder(String connectorId) {
        return jdbc.query("SELECT tenant_id, owner_id, provider, credential_id FROM connector_token "
                + "WHERE connector_id = ?", (rs, i) -> new TokenHolder(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), connectorId).stream().findFirst().orElse(null);
    }
}
