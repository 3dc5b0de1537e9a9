package io.agentledger.command.connector;

import io.agentledger.kernel.connector.ConnectorQueries.FindConnector;
import io.agentledger.kernel.connector.ConnectorView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Seed 000's connectors: OAuth connection, configuration, removal and manual sync. */
@RestController
@RequestMapping("/api/v1/connectors")
@PreAuthorize("hasAuthority('manage:credentials')")
public class ConnectorCommandController {

    private final ConnectorService connectors;
    private final QueryGateway queries;

    public ConnectorCommandController(ConnectorService connectors, QueryGateway queries) {
        this.connectors = connectors;
        this.queries = queries;
    }

    public record CallbackRequest(@NotBlank @Size(max = 2048) String code, @NotBlank @Size(max = 256) String state) {
    }

    public record UpdateConnectorRequest(@Size(min = 1, max = 200) String name,
                                         @Size(max = 50) Map<@Size(max = 100) String, Object> settings,
                                         @Min(60) @Max(86_400) Integer syncFrequency, Boolean isEnabled) {
    }

    @GetMapping("/{provider}/oauth/start")
    public Map<String, Object> start(@PathVariable String provider,
                                     @RequestParam(required = false) String name,
                                     @AuthenticationPrincipal Caller caller) {
        if (name != null && (name.isBlank() || name.length() > 200)) {
            throw DomainException.invalid("name must hold 1 to 200 characters");
        }
        return connectors.start(caller, provider, name == null ? null : name.trim());
    }

    @PostMapping("/{provider}/oauth/callback")
    public Map<String, Object> callback(@PathVariable String provider, @Valid @RequestBody CallbackRequest body,
                                        @AuthenticationPrincipal Caller caller) {
        String connectorId = connectors.callback(caller, provider, body.code(), body.state());
        return Map.of("connector_id", connectorId, "message", "Connector configured successfully");
    }

    @PutMapping("/{connectorId}")
    public ConnectorView update(@PathVariable String connectorId, @Valid @RequestBody UpdateConnectorRequest body,
                                @AuthenticationPrincipal Caller caller) {
        if (body.name() == null && body.settings() == null && body.syncFrequency() == null
                && body.isEnabled() == null) {
            throw DomainException.invalid("Nothing to change: give name, settings, sync_frequency or is_enabled");
        }
        connectors.update(caller, connectorId, body.name() == null ? null : body.name().trim(), body.settings(),
                body.syncFrequency(), body.isEnabled());
        return queries.query(new FindConnector(connectorId, caller.tenantId()), ConnectorView.class).join();
    }

    @DeleteMapping("/{connectorId}")
    public Map<String, Object> remove(@PathVariable String connectorId, @AuthenticationPrincipal Caller caller) {
        connectors.remove(caller, connectorId);
        return Map.of("message", "Connector removed successfully");
    }

    @PostMapping("/{connectorId}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> sync(@PathVariable String connectorId, @AuthenticationPrincipal Caller caller) {
        return Map.of("message", "Sync started successfully", "sync_id", connectors.sync(caller, connectorId));
    }
}
