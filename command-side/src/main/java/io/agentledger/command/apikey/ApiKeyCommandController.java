package io.agentledger.command.apikey;

import io.agentledger.command.apikey.ApiKeyService.CreatedApiKey;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasAuthority('manage:api_keys')")
public class ApiKeyCommandController {

    private final ApiKeyService apiKeys;

    public ApiKeyCommandController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedApiKey create(@Valid @RequestBody CreateApiKeyRequest body, @AuthenticationPrincipal Caller caller) {
        return apiKeys.create(caller, body.name().trim(), body.expiresAt());
    }

    @DeleteMapping("/{apiKeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@PathVariable String apiKeyId, @AuthenticationPrincipal Caller caller) {
        apiKeys.revoke(caller, apiKeyId);
    }

    public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name, @Future Instant expiresAt) {
    }
}
