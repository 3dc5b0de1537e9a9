package io.agentledger.command.credential;

import io.agentledger.command.credential.CredentialRequests.CreateSecretRequest;
import io.agentledger.command.credential.CredentialRequests.UpdateSecretRequest;
import io.agentledger.command.credential.CredentialService.NewValue;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.CredentialQueries.FindCredential;
import io.agentledger.kernel.credential.CredentialView;
import io.agentledger.kernel.credential.SecretView;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;


/** Seed 004's secrets: named values of a tenant; no answer ever carries a value. A duplicate name is a 409. */
@RestController
@RequestMapping("/api/v1/secrets")
@PreAuthorize("hasAuthority('manage:credentials')")
public class SecretCommandController {

    private final CredentialService credentials;
    private final QueryGateway queries;

    public SecretCommandController(CredentialService credentials, QueryGateway queries) {
        this.credentials = credentials;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SecretView create(@Valid @RequestBody CreateSecretRequest body, @AuthenticationPrincipal Caller caller) {
        String id = credentials.store(caller, new NewValue(CredentialKind.SECRET, body.name(), null, body.value(),
                body.description(), body.expiresAt(), false));
        return shape(id, caller);
    }

    @PutMapping("/{name}")
    public SecretView update(@PathVariable String name, @Valid @RequestBody UpdateSecretRequest body,
                                      @AuthenticationPrincipal Caller caller) {
        String id = credentials.secretId(caller, name);
        credentials.change(caller, id, body.value(), body.description(), body.expiresAt(), null);
        return shape(id, caller);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String name, @AuthenticationPrincipal Caller caller) {
        credentials.delete(caller, credentials.secretId(caller, name));
    }

    private SecretView shape(String id, Caller caller) {
        return SecretView.of(queries.query(new FindCredential(id, caller.tenantId()), CredentialView.class).join());
    }
}
