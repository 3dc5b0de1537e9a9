package io.agentledger.query.connector;

import io.agentledger.kernel.connector.ConnectorPage;
import io.agentledger.kernel.connector.ConnectorQueries.FindConnector;
import io.agentledger.kernel.connector.ConnectorQueries.FindConnectorVersion;
import io.agentledger.kernel.connector.ConnectorQueries.ListConnectors;
import io.agentledger.kernel.connector.ConnectorView;
import io.agentledger.projection.connector.ConnectorViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ConnectorQueryHandler {

    private final ConnectorViewRepository connectors;

    public ConnectorQueryHandler(ConnectorViewRepository connectors) {
        this.connectors = connectors;
    }

    @QueryHandler
    public ConnectorView handle(FindConnector query) {
        return connectors.find(query.connectorId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindConnectorVersion query) {
        return connectors.version(query.connectorId());
    }

    @QueryHandler
    public ConnectorPage handle(ListConnectors query) {
        return connectors.list(query);
    }
}
