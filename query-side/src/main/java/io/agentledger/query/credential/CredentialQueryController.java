package io.agentledger.query.credential;

import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.CredentialPage;
import io.agentledger.kernel.credential.CredentialQueries.FindCredential;
import io.agentledger.kernel.credential.CredentialQueries.ListCredentials;
import io.agentledger.kernel.credential.CredentialView;
import io.agentledger.kernel.credential.SecretView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.query.web.PageParams;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Credentials (the caller's own) and secrets (the tenant's), described but never with their values. */
@RestController
@PreAuthorize("hasAuthority('manage:credentials')")
public class CredentialQueryController {

    private final QueryGateway queries;

    public CredentialQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/credentials")
    public CredentialPage list(@RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size, @AuthenticationPrincipal Caller caller) {
        return page(caller, CredentialKind.CREDENTIAL, PageParams.of(page, size));
    }

    @GetMapping("/api/v1/credentials/{credentialId}")
    public CredentialView get(@PathVariable String credentialId, @AuthenticationPrincipal Caller caller) {
        CredentialView credential = queries.query(new FindCredential(credentialId, caller.tenantId()),
                CredentialView.class).join();
        if (credential == null || credential.kind() != CredentialKind.CREDENTIAL
                || !credential.userId().equals(caller.userId())) {
            throw DomainException.notFound("Credential " + credentialId + " not found");
        }
        return credential;
    }

    @GetMapping("/api/v1/secrets")
    public Map<String, Object> secrets(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @AuthenticationPrincipal Caller caller) {
        CredentialPage secrets = page(caller, CredentialKind.SECRET, PageParams.of(page, size));
        return Map.of("items", secrets.items().stream().map(SecretView::of).toList(), "total", secrets.total(),
                "page", secrets.page(), "size", secrets.size(), "pages", secrets.pages());
    }

    private CredentialPage page(Caller caller, CredentialKind kind, PageSpec pageSpec) {
        return queries.query(new ListCredentials(caller.tenantId(), caller.userId(), kind, pageSpec),
                CredentialPage.class).join();
    }
}
