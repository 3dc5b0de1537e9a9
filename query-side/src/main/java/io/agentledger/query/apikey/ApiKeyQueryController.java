package io.agentledger.query.apikey;

import io.agentledger.kernel.apikey.ApiKeyPage;
import io.agentledger.kernel.apikey.ApiKeyQueries.ListApiKeys;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('manage:api_keys')")
public class ApiKeyQueryController {

    private final QueryGateway queries;

    public ApiKeyQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/api-keys")
    public ApiKeyPage list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @AuthenticationPrincipal Caller caller) {
        return queries.query(new ListApiKeys(caller.userId(), caller.tenantId(), PageParams.of(page, size)),
                ApiKeyPage.class).join();
    }
}
