package io.agentledger.command.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code agentledger.connectors.*}: the OAuth providers by name, and the timing of states and refreshes.
 * A provider's client secret is a secret of each tenant, named by {@code client-secret-name}.
 */
@ConfigurationProperties("agentledger.connectors")
public record ConnectorProperties(@DefaultValue Map<String, Provider> providers,
                                  @DefaultValue("PT10M") Duration stateTtl,
                                  @DefaultValue("PT5M") Duration refreshAhead,
                                  @DefaultValue("PT10S") Duration httpTimeout,
                                  @DefaultValue("300") int defaultSyncFrequency) {

    /** {@code syncUrl}: answers {@code {"items": [...]}} to the access token; without it, no sync. */
    public record Provider(URI authUrl, URI tokenUrl, String clientId, String clientSecretName,
                           @DefaultValue List<String> scopes, URI redirectUri, URI syncUrl, String displayName) {
    }

    public Provider provider(String name) {
        Provider provider = providers.get(name);
        if (provider == null) {
            throw io.agentledger.kernel.error.DomainException.notFound("No connector provider " + name
                    + " is configured");
        }
        return provider;
    }

    public static String clientSecretName(String provider, Provider settings) {
        return settings.clientSecretName() != null ? settings.clientSecretName()
                : provider.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_CLIENT_SECRET";
    }
}
