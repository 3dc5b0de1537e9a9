package io.agentledger.query.credential;

import io.agentledger.kernel.credential.CredentialPage;
import io.agentledger.kernel.credential.CredentialQueries.FindCredential;
import io.agentledger.kernel.credential.CredentialQueries.FindCredentialVersion;
import io.agentledger.kernel.credential.CredentialQueries.ListCredentials;
import io.agentledger.kernel.credential.CredentialView;
import io.agentledger.projection.credential.CredentialViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class CredentialQueryHandler {

    private final CredentialViewRepository credentials;

    public CredentialQueryHandler(CredentialViewRepository credentials) {
        this.credentials = credentials;
    }

    @QueryHandler
    public CredentialView handle(FindCredential query) {
        return credentials.find(query.credentialId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindCredentialVersion query) {
        return credentials.version(query.credentialId());
    }

    @QueryHandler
    public CredentialPage handle(ListCredentials query) {
        return credentials.list(query);
    }
}
