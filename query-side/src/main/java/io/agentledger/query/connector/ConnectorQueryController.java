package io.agentledger.query.connector;

import io.agentledger.kernel.connector.ConnectorPage;
import io.agentledger.kernel.connector.ConnectorQueries.FindConnector;
import io.agentledger.kernel.connector.ConnectorQueries.ListConnectors;
import io.agentledger.kernel.connector.ConnectorStatus;
import io.agentledger.kernel.connector.ConnectorView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's connectors (seed 000), filtered by provider and status. */
@RestController
@PreAuthorize("hasAuthority('manage:credentials')")
public class ConnectorQueryController {

    private final QueryGateway queries;

    public ConnectorQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/connectors")
    public ConnectorPage list(@RequestParam(required = false) String provider,
                              @RequestParam(required = false) ConnectorStatus status,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, @AuthenticationPrincipal Caller caller) {
        return queries.query(new ListConnectors(caller.tenantId(), provider == null || provider.isBlank() ? null
                : provider, status, PageParams.of(page, size)), ConnectorPage.class).join();
    }

    @GetMapping("/api/v1/connectors/{connectorId}")
    public ConnectorView get(@PathVariable String connectorId, @AuthenticationPrincipal Caller caller) {
        ConnectorView connector = queries.query(new FindConnector(connectorId, caller.tenantId()),
                ConnectorView.class).join();
        if (connector == null) {
            throw DomainException.notFound("Connector " + connectorId + " not found");
        }
        return connector;
    }
}
