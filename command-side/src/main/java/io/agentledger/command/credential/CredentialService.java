package io.agentledger.command.credential;

import io.agentledger.command.credential.crypto.CredentialCipher;
import io.agentledger.command.credential.crypto.DataKeys;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.credential.CredentialCommands.ChangeCredential;
import io.agentledger.kernel.credential.CredentialCommands.DeleteCredential;
import io.agentledger.kernel.credential.CredentialCommands.RecordReveal;
import io.agentledger.kernel.credential.CredentialCommands.RecordUse;
import io.agentledger.kernel.credential.CredentialCommands.StoreCredential;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.CredentialQueries.FindCredentialVersion;
import io.agentledger.kernel.credential.CredentialType;
import io.agentledger.kernel.credential.SealedValue;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one credential store behind both APIs. Values are sealed before any command carries them; the
 * data key is created in the transaction that stores the first event.
 */
@Service
public class CredentialService {

    private final CommandGateway commands;
    private final CredentialCipher cipher;
    private final DataKeys keys;
    private final StepUpGuard stepUp;
    private final TransactionTemplate transaction;
    private final ReadModelAwait readModel;
    private final SecretReferences secrets;

    public CredentialService(CommandGateway commands, CredentialCipher cipher, DataKeys keys, StepUpGuard stepUp,
                             TransactionTemplate transaction, ReadModelAwait readModel, SecretReferences secrets) {
        this.commands = commands;
        this.cipher = cipher;
        this.keys = keys;
        this.stepUp = stepUp;
        this.transaction = transaction;
        this.readModel = readModel;
        this.secrets = secrets;
    }

    public record NewValue(CredentialKind kind, String name, CredentialType type, String value, String description,
                           Instant expiresAt, boolean autoRotate) {
    }

    public String store(Caller caller, NewValue value) {
        stepUp.require(caller);
        String credentialId = Ids.newId(IdPrefix.CREDENTIAL);
        transaction.executeWithoutResult(status -> {
            String keyId = keys.create(credentialId);
            commands.sendAndWait(new StoreCredential(credentialId, caller.tenantId(), caller.userId(), value.kind(),
                    value.name(), value.type(), cipher.seal(keyId, value.value()), value.description(),
                    value.expiresAt(), value.autoRotate(), caller.role() == Role.ADMIN));
        });
        readModel.awaitVersion(new FindCredentialVersion(credentialId), 0);
        return credentialId;
    }

    /** {@code value} null keeps the current value. */
    public void change(Caller caller, String credentialId, String value, String description, Instant expiresAt,
                       Boolean autoRotate) {
        stepUp.require(caller);
        SealedValue sealed = value == null ? null : sealExisting(credentialId, value);
        long version = commands.sendAndWait(new ChangeCredential(credentialId, caller.tenantId(), caller.userId(),
                sealed, description, expiresAt, autoRotate, caller.role() == Role.ADMIN));
        readModel.awaitVersion(new FindCredentialVersion(credentialId), version);
    }

    public String reveal(Caller caller, String credentialId, String reason) {
        SealedValue sealed = commands.sendAndWait(new RecordReveal(credentialId, caller.tenantId(), caller.userId(),
                reason, stepUp.holds(caller)));
        return cipher.open(sealed);
    }

    /**
     * Whether {@code candidate} is the stored value; a use of the credential, never a reveal. An answer
     * to a guess, so it needs a step-up (and is rate limited as authentication).
     */
    public boolean verify(Caller caller, String credentialId, String candidate,
                          java.util.function.UnaryOperator<String> valueOfDocument) {
        stepUp.require(caller);
        SealedValue sealed = commands.sendAndWait(new RecordUse(credentialId, caller.tenantId(), caller.userId(),
                "verify"));
        return MessageDigest.isEqual(valueOfDocument.apply(cipher.open(sealed)).getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    public void delete(Caller caller, String credentialId) {
        stepUp.require(caller);
        long version = commands.sendAndWait(new DeleteCredential(credentialId, caller.tenantId(), caller.userId(),
                caller.role() == Role.ADMIN));
        readModel.awaitVersion(new FindCredentialVersion(credentialId), version);
    }

    /**
     * Values the service obtained itself on its owner's behalf (a connector's OAuth tokens): stored,
     * replaced, used and deleted without a step-up, since no person hands them over or takes them out.
     */
    public String storeObtained(String tenantId, String ownerId, String name, CredentialType type, String value,
                                String description, Instant expiresAt) {
        String credentialId = Ids.newId(IdPrefix.CREDENTIAL);
        transaction.executeWithoutResult(status -> {
            String keyId = keys.create(credentialId);
            commands.sendAndWait(new StoreCredential(credentialId, tenantId, ownerId, CredentialKind.CREDENTIAL, name,
                    type, cipher.seal(keyId, value), description, expiresAt, false, false));
        });
        return credentialId;
    }

    public void replaceObtained(String credentialId, String tenantId, String ownerId, String value,
                                Instant expiresAt) {
        commands.sendAndWait(new ChangeCredential(credentialId, tenantId, ownerId, sealExisting(credentialId, value),
                null, expiresAt, null, false));
    }

    /** The value for one use, recorded with its purpose; refused once expired. */
    public String useObtained(String credentialId, String tenantId, String ownerId, String purpose) {
        return cipher.open(commands.sendAndWait(new RecordUse(credentialId, tenantId, ownerId, purpose)));
    }

    public void deleteObtained(String credentialId, String tenantId, String ownerId) {
        commands.sendAndWait(new DeleteCredential(credentialId, tenantId, ownerId, false));
    }

    public String secretId(Caller caller, String name) {
        return secrets.idOf(caller.tenantId(), name).orElseThrow(() -> DomainException.notFound("Secret " + name + " not found"));
    }

    private SealedValue sealExisting(String credentialId, String value) {
        try {
            return cipher.seal(DataKeys.keyIdOf(credentialId), value);
        } catch (DomainException destroyedOrMissing) {
            throw DomainException.notFound("Credential " + credentialId + " not found");
        }
    }
}
