package io.agentledger.command.stepup;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Seed 003's "biometric" step-up as WebAuthn. Each endpoint is called twice: with an empty body for
 * the options (the challenge), then with the authenticator's answer (base64url fields).
 */
@RestController
public class StepUpController {

    private final StepUpService stepUp;

    public StepUpController(StepUpService stepUp) {
        this.stepUp = stepUp;
    }

    /** {@code password}: the account's password, required for a user's first factor. */
    public record SetupRequest(@Size(max = 8192) String clientDataJson, @Size(max = 65536) String attestationObject,
                               @Size(max = 200) String password) {
    }

    public record BackupRequest(@Size(max = 200) String password) {
    }

    public record VerifyRequest(@Size(max = 1024) String credentialId, @Size(max = 8192) String clientDataJson,
                                @Size(max = 8192) String authenticatorData, @Size(max = 2048) String signature,
                                @Size(max = 64) String backupCode) {
    }

    @PostMapping("/api/v1/auth/biometric/setup")
    public Map<String, Object> setup(@jakarta.validation.Valid @RequestBody(required = false) SetupRequest body,
                                     @AuthenticationPrincipal Caller caller) {
        if (body == null || body.clientDataJson() == null && body.attestationObject() == null) {
            return stepUp.registrationOptions(caller);
        }
        return stepUp.register(caller, body.password(), decode("client_data_json", body.clientDataJson()),
                decode("attestation_object", body.attestationObject()));
    }

    @PostMapping("/api/v1/auth/biometric/verify")
    public Map<String, Object> verify(@jakarta.validation.Valid @RequestBody(required = false) VerifyRequest body,
                                      @AuthenticationPrincipal Caller caller) {
        if (body == null || body.backupCode() == null && body.signature() == null) {
            return stepUp.assertionOptions(caller);
        }
        Instant validUntil = body.backupCode() != null ? stepUp.verifyBackupCode(caller, body.backupCode())
                : stepUp.verifyAssertion(caller, required("credential_id", body.credentialId()),
                decode("client_data_json", body.clientDataJson()), decode("authenticator_data",
                        body.authenticatorData()), decode("signature", body.signature()));
        return Map.of("verified", true, "valid_until", validUntil);
    }

    @PostMapping("/api/v1/credentials/backup")
    public Map<String, Object> backup(@jakarta.validation.Valid @RequestBody(required = false) BackupRequest body,
                                      @AuthenticationPrincipal Caller caller) {
        return Map.of("backup_codes", stepUp.regenerateBackupCodes(caller, body == null ? null : body.password()));
    }

    @GetMapping("/api/v1/auth/biometric/authenticators")
    public Map<String, Object> authenticators(@AuthenticationPrincipal Caller caller) {
        return Map.of("items", stepUp.authenticators(caller));
    }

    @DeleteMapping("/api/v1/auth/biometric/authenticators/{authenticatorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable String authenticatorId, @AuthenticationPrincipal Caller caller) {
        stepUp.removeAuthenticator(caller, authenticatorId);
    }

    private static byte[] decode(String field, String value) {
        try {
            return Base64.getUrlDecoder().decode(required(field, value));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field + " must be base64url");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field + " is required");
        }
        return value;
    }
}
