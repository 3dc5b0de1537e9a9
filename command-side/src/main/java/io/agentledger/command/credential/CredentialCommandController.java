package io.agentledger.command.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.credential.CredentialRequests.CredentialData;
import io.agentledger.command.credential.CredentialRequests.RevealRequest;
import io.agentledger.command.credential.CredentialRequests.StoreCredentialRequest;
import io.agentledger.command.credential.CredentialRequests.UpdateCredentialRequest;
import io.agentledger.command.credential.CredentialRequests.VerifyRequest;
import io.agentledger.command.credential.CredentialService.NewValue;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.CredentialQueries.FindCredential;
import io.agentledger.kernel.credential.CredentialView;
import io.agentledger.kernel.error.DomainException;
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

import java.util.Map;

/** Seed 003's credentials. The value is stored as the sealed JSON of {@code credential_data}. */
@RestController
@RequestMapping("/api/v1/credentials")
@PreAuthorize("hasAuthority('manage:credentials')")
public class CredentialCommandController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialService credentials;
    private final QueryGateway queries;

    public CredentialCommandController(CredentialService credentials, QueryGateway queries) {
        this.credentials = credentials;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CredentialView store(@Valid @RequestBody StoreCredentialRequest body, @AuthenticationPrincipal Caller caller) {
        var metadata = body.metadata();
        String id = credentials.store(caller, new NewValue(CredentialKind.CREDENTIAL, body.serviceName().trim(),
                body.credentialType(), write(body.credentialData()), metadata == null ? null : metadata.description(),
                metadata == null ? null : metadata.expiresAt(),
                metadata != null && Boolean.TRUE.equals(metadata.autoRotate())));
        return find(id, caller);
    }

    @PutMapping("/{credentialId}")
    public CredentialView update(@PathVariable String credentialId, @Valid @RequestBody UpdateCredentialRequest body,
                                 @AuthenticationPrincipal Caller caller) {
        var metadata = body.metadata();
        if (body.credentialData() == null && metadata == null) {
            throw DomainException.invalid("Nothing to change: give credential_data or metadata");
        }
        credentials.change(caller, credentialId, body.credentialData() == null ? null : write(body.credentialData()),
                metadata == null ? null : metadata.description(), metadata == null ? null : metadata.expiresAt(),
                metadata == null ? null : metadata.autoRotate());
        return find(credentialId, caller);
    }

    @DeleteMapping("/{credentialId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String credentialId, @AuthenticationPrincipal Caller caller) {
        credentials.delete(caller, credentialId);
    }

    /** The one way to read a value: needs a step-up and a reason, and is recorded. */
    @PostMapping("/{credentialId}/reveal")
    public Map<String, Object> reveal(@PathVariable String credentialId, @Valid @RequestBody RevealRequest body,
                                      @AuthenticationPrincipal Caller caller) {
        String data = credentials.reveal(caller, credentialId, body.reason().trim());
        return Map.of("id", credentialId, "credential_data", read(data));
    }

    @PostMapping("/verify")
    public Map<String, Object> verify(@Valid @RequestBody VerifyRequest body, @AuthenticationPrincipal Caller caller) {
        String credentialId = body.credentialId();
        boolean valid = credentials.verify(caller, credentialId, body.value(), CredentialCommandController::valueOf);
        return Map.of("credential_id", credentialId, "valid", valid);
    }

    private CredentialView find(String id, Caller caller) {
        return queries.query(new FindCredential(id, caller.tenantId()), CredentialView.class).join();
    }

    static String valueOf(String sealedDocument) {
        return String.valueOf(read(sealedDocument).get("value"));
    }

    private static String write(CredentialData data) {
        try {
            return JSON.writeValueAsString(Map.of("value", data.value(), "additional_fields",
                    data.additionalFields() == null ? Map.of() : data.additionalFields()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String document) {
        try {
            return JSON.readValue(document, Map.class);
        } catch (JsonProcessingException notJson) {
            return Map.of("value", document);
        }
    }
}
