package io.agentledger.command.credential;

import io.agentledger.kernel.credential.CredentialType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** Request bodies of the credential and secret APIs (seeds 003 and 004). */
public final class CredentialRequests {

    static final int MAX_VALUE = 16_384;
    static final String SECRET_NAME = "[A-Za-z_][A-Za-z0-9_.-]{0,127}";

    private CredentialRequests() {
    }

    public record CredentialData(@NotBlank @Size(max = MAX_VALUE) String value,
                                 @Size(max = 20) Map<@Size(max = 100) String, @Size(max = MAX_VALUE) String>
                                         additionalFields) {
    }

    public record Metadata(@Size(max = 1000) String description, @Future Instant expiresAt, Boolean autoRotate) {
    }

    public record StoreCredentialRequest(@NotBlank @Size(max = 128) String serviceName,
                                         @NotNull CredentialType credentialType,
                                         @NotNull @Valid CredentialData credentialData, @Valid Metadata metadata) {
    }

    public record UpdateCredentialRequest(@Valid CredentialData credentialData, @Valid Metadata metadata) {
    }

    public record RevealRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record VerifyRequest(@NotBlank String credentialId, @NotNull @Size(max = MAX_VALUE) String value) {
    }

    public record CreateSecretRequest(@NotBlank @Pattern(regexp = SECRET_NAME,
            message = "must start with a letter or _ and hold only letters, digits, _ . - (at most 128)") String name,
                                      @NotBlank @Size(max = MAX_VALUE) String value,
                                      @Size(max = 1000) String description, @Future Instant expiresAt) {
    }

    public record UpdateSecretRequest(@NotBlank @Size(max = MAX_VALUE) String value,
                                      @Size(max = 1000) String description, @Future Instant expiresAt) {
    }
}
