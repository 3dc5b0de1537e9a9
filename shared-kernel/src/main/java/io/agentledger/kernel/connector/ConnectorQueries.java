package io.agentledger.kernel.connector;

import io.agentledger.kernel.page.PageSpec;

public final class ConnectorQueries {

    private ConnectorQueries() {
    }

    /** {@code provider} and {@code status} null: any. */
    public record ListConnectors(String tenantId, String provider, ConnectorStatus status, PageSpec pageSpec) {
    }

    public record FindConnector(String connectorId, String tenantId) {
    }

    public record FindConnectorVersion(String connectorId) {
    }
}
