package io.agentledger.command.stepup;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.authenticator.AuthenticatorImpl;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import io.agentledger.command.credential.StepUpGuard;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.command.identity.PasswordCheck;
import io.agentledger.kernel.stepup.StepUpCommands.EnrolmentProof;
import io.agentledger.kernel.stepup.StepUpCommands.IssueBackupCodes;
import io.agentledger.kernel.stepup.StepUpCommands.RemoveAuthenticator;
import io.agentledger.kernel.stepup.StepUpCommands.RecordStepUp;
import io.agentledger.kernel.stepup.StepUpCommands.RegisterAuthenticator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** WebAuthn registration and assertion (webauthn4j), backup codes, and the step-ups they grant. */
@Service
public class StepUpService {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private final WebAuthnManager webAuthn;
    private final AttestedCredentialDataConverter attested = new AttestedCredentialDataConverter(new ObjectConverter());
    private final Challenges challenges;
    private final BackupCodes backupCodes;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StepUpProperties properties;
    private final Clock clock;
    private final StepUpGuard guard;
    private final PasswordCheck passwords;

    public StepUpService(WebAuthnManager webAuthn, Challenges challenges, BackupCodes backupCodes,
                         CommandGateway commands, JdbcTemplate jdbc, TransactionTemplate transaction,
                         StepUpProperties properties, Clock clock, StepUpGuard guard, PasswordCheck passwords) {
        this.passwords = passwords;
        this.webAuthn = webAuthn;
        this.challenges = challenges;
        this.backupCodes = backupCodes;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
    }

    public Map<String, Object> registrationOptions(Caller caller) {
        if (!caller.signedIn()) {
            throw DomainException.forbidden("An API key cannot enrol an authenticator: sign in with your password");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", URL.encodeToString(challenges.issue(caller.userId(), "register")));
        options.put("rp", Map.of("id", properties.rpId(), "name", properties.rpName()));
        options.put("user", Map.of("id", URL.encodeToString(caller.userId().getBytes()), "name", caller.userId(),
                "display_name", caller.userId()));
        options.put("pub_key_cred_params", List.of(Map.of("type", "public-key", "alg", -7),
                Map.of("type", "public-key", "alg", -257)));
        options.put("timeout", properties.challengeTtl().toMillis());
        options.put("attestation", "none");
        return options;
    }

    /** Registers the authenticator; a user's first factor also brings their backup codes. */
    public Map<String, Object> register(Caller caller, String password, byte[] clientDataJson,
                                        byte[] attestationObject) {
        EnrolmentProof proof = proof(caller, password);
        byte[] challenge = challenges.take(caller.userId(), "register");
        RegistrationData data;
        try {
            data = webAuthn.verify(new RegistrationRequest(attestationObject, clientDataJson),
                    new RegistrationParameters(server(challenge), null, false, true));
        } catch (VerificationException | com.webauthn4j.converter.exception.DataConversionException e) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "The authenticator's registration was refused: "
                    + e.getMessage());
        }
        AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData()
                .getAttestedCredentialData();
        String authenticatorId = Ids.newId(IdPrefix.AUTHENTICATOR);
        String credentialId = URL.encodeToString(credential.getCredentialId());
        List<String> codes = transaction.execute(status -> {
            List<String> firstCodes = backupCodes.hasAny(caller.userId()) ? List.of()
                    : backupCodes.replace(caller.userId(), properties.backupCodes());
            commands.sendAndWait(new RegisterAuthenticator(caller.userId(), caller.tenantId(), authenticatorId,
                    credentialId, Base64.getEncoder().encodeToString(attested.convert(credential)),
                    data.getAttestationObject().getAuthenticatorData().getSignCount(), firstCodes.size(), proof));
            return firstCodes;
        });
        return Map.of("success", true, "credential_id", credentialId, "authenticator_id", authenticatorId,
                "backup_codes", codes);
    }

    public Map<String, Object> assertionOptions(Caller caller) {
        List<String> allowed = jdbc.queryForList("SELECT credential_id FROM webauthn_authenticator WHERE user_id = ?",
                String.class, caller.userId());
        if (allowed.isEmpty() && !backupCodes.hasAny(caller.userId())) {
            throw DomainException.conflict("No authenticator or backup code is set up: POST /api/v1/auth/biometric/setup");
        }
        return Map.of("challenge", URL.encodeToString(challenges.issue(caller.userId(), "assert")), "rp_id",
                properties.rpId(), "allow_credentials", allowed.stream().map(id -> Map.of("type", "public-key",
                        "id", id)).toList(), "timeout", properties.challengeTtl().toMillis());
    }

    public Instant verifyAssertion(Caller caller, String credentialId, byte[] clientDataJson, byte[] authenticatorData,
                                   byte[] signature) {
        byte[] challenge = challenges.take(caller.userId(), "assert");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT authenticator_id, attested_credential_data, "
                + "sign_count FROM webauthn_authenticator WHERE credential_id = ? AND user_id = ?", credentialId,
                caller.userId());
        if (rows.isEmpty()) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "This authenticator is not registered for you");
        }
        Map<String, Object> row = rows.get(0);
        AuthenticatorImpl authenticator = new AuthenticatorImpl(
                attested.convert((byte[]) row.get("attested_credential_data")), new NoneAttestationStatement(),
                ((Number) row.get("sign_count")).longValue());
        AuthenticationData data;
        try {
            data = webAuthn.verify(new AuthenticationRequest(URL_DECODER.decode(credentialId), authenticatorData,
                            clientDataJson, signature),
                    new AuthenticationParameters(server(challenge), authenticator, null, false, true));
        } catch (VerificationException | com.webauthn4j.converter.exception.DataConversionException e) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "The assertion was refused: " + e.getMessage());
        }
        return grant(caller, "webauthn", (String) row.get("authenticator_id"),
                data.getAuthenticatorData().getSignCount());
    }

    public Instant verifyBackupCode(Caller caller, String code) {
        return transaction.execute(status -> {
            if (!backupCodes.redeem(caller.userId(), code)) {
                throw new DomainException(ErrorCode.UNAUTHORIZED, "The backup code is wrong or already used");
            }
            return grant(caller, "backup_code", null, 0);
        });
    }

    /** New backup codes replace the old: the first with the password, later ones after a step-up. */
    public List<String> regenerateBackupCodes(Caller caller, String password) {
        EnrolmentProof proof = proof(caller, password);
        return transaction.execute(status -> issueBackupCodes(caller, proof));
    }

    /** The caller's authenticators, without their key material. */
    public List<Map<String, Object>> authenticators(Caller caller) {
        return jdbc.queryForList("SELECT authenticator_id AS id, credential_id, sign_count FROM "
                + "webauthn_authenticator WHERE user_id = ? ORDER BY authenticator_id", caller.userId());
    }

    public void removeAuthenticator(Caller caller, String authenticatorId) {
        commands.sendAndWait(new RemoveAuthenticator(caller.userId(), caller.tenantId(), authenticatorId,
                proof(caller, null)));
    }

    private List<String> issueBackupCodes(Caller caller, EnrolmentProof proof) {
        List<String> codes = backupCodes.replace(caller.userId(), properties.backupCodes());
        commands.sendAndWait(new IssueBackupCodes(caller.userId(), caller.tenantId(), codes.size(), proof));
        return codes;
    }

    /** What this request proves; the user's aggregate decides whether that is enough. */
    private EnrolmentProof proof(Caller caller, String password) {
        boolean passwordConfirmed = password != null && caller.signedIn() && passwords.matches(caller.userId(),
                password);
        if (password != null && caller.signedIn() && !passwordConfirmed) {
            throw DomainException.forbidden("The account password is wrong");
        }
        return new EnrolmentProof(caller.signedIn(), passwordConfirmed, guard.holds(caller));
    }

    private Instant grant(Caller caller, String method, String authenticatorId, long signCount) {
        Instant validUntil = clock.instant().plus(properties.validity());
        commands.sendAndWait(new RecordStepUp(caller.userId(), caller.tenantId(), StepUpGuard.principalOf(caller),
                method, authenticatorId, signCount, validUntil));
        return validUntil;
    }

    private ServerProperty server(byte[] challenge) {
        Set<Origin> origins = properties.origins().stream().map(Origin::new).collect(Collectors.toSet());
        return new ServerProperty(origins, properties.rpId(), new DefaultChallenge(challenge));
    }
}
