package io.agentledger.command.stepup;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
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

    public record SetupRequest(@Size(max = 8192) String clientDataJson, @Size(max = 65536) String attestationObject) {
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
        return stepUp.register(caller, decode("client_data_json", body.clientDataJson()),
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
    public Map<String, Object> backup(@AuthenticationPrincipal Caller caller) {
        return Map.of("backup_codes", stepUp.regenerateBackupCodes(caller));
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
