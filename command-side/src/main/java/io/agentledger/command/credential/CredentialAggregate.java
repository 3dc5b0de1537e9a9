package io.agentledger.command.credential;

import io.agentledger.kernel.credential.CredentialCommands.ChangeCredential;
import io.agentledger.kernel.credential.CredentialCommands.DeleteCredential;
import io.agentledger.kernel.credential.CredentialCommands.RecordReveal;
import io.agentledger.kernel.credential.CredentialCommands.RecordUse;
import io.agentledger.kernel.credential.CredentialCommands.StoreCredential;
import io.agentledger.kernel.credential.CredentialEvent.CredentialChanged;
import io.agentledger.kernel.credential.CredentialEvent.CredentialDeleted;
import io.agentledger.kernel.credential.CredentialEvent.CredentialRevealed;
import io.agentledger.kernel.credential.CredentialEvent.CredentialStored;
import io.agentledger.kernel.credential.CredentialEvent.CredentialUsed;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.SealedValue;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A credential or a secret. It holds its value only sealed; reveal and use hand the sealed value back
 * to the caller (who holds the data key) after recording them.
 */
@Aggregate
public class CredentialAggregate {

    @AggregateIdentifier
    private String credentialId;
    private String tenantId;
    private String ownerId;
    private CredentialKind kind;
    private String name;
    private SealedValue value;
    private Instant expiresAt;
    private boolean deleted;

    protected CredentialAggregate() {
    }

    @CommandHandler
    public CredentialAggregate(StoreCredential command) {
        requireSecretAdmin(command.kind(), command.byTenantAdmin());
        apply(new CredentialStored(command.credentialId(), command.tenantId(), command.ownerId(), command.kind(),
                command.name(), command.credentialType(), command.value(), command.description(),
                command.expiresAt(), command.autoRotate()));
    }

    @CommandHandler
    public long handle(ChangeCredential command) {
        requireAccess(command.tenantId(), command.changedBy());
        requireSecretAdmin(kind, command.byTenantAdmin());
        apply(new CredentialChanged(credentialId, tenantId, command.changedBy(), command.value(),
                command.description(), command.expiresAt(), command.autoRotate()));
        return getVersion();
    }

    @CommandHandler
    public SealedValue handle(RecordReveal command) {
        requireAccess(command.tenantId(), command.revealedBy());
        if (!command.steppedUp()) {
            throw new DomainException(ErrorCode.STEP_UP_REQUIRED, "Revealing a value needs a recent step-up: "
                    + "verify with POST /api/v1/auth/biometric/verify (an authenticator or a backup code)");
        }
        apply(new CredentialRevealed(credentialId, tenantId, command.revealedBy(), command.reason()));
        return value;
    }

    @CommandHandler
    public SealedValue handle(RecordUse command, Clock clock) {
        requireAccess(command.tenantId(), command.usedBy());
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new DomainException(ErrorCode.CREDENTIAL_EXPIRED, describe() + " expired at " + expiresAt);
        }
        apply(new CredentialUsed(credentialId, tenantId, command.usedBy(), command.purpose()));
        return value;
    }

    @CommandHandler
    public long handle(DeleteCredential command) {
        requireAccess(command.tenantId(), command.deletedBy());
        requireSecretAdmin(kind, command.byTenantAdmin());
        apply(new CredentialDeleted(credentialId, tenantId, kind, name, command.deletedBy()));
        return getVersion();
    }

    /** A secret is shared by the whole tenant: only its admins write it. */
    private static void requireSecretAdmin(CredentialKind kind, boolean byTenantAdmin) {
        if (kind == CredentialKind.SECRET && !byTenantAdmin) {
            throw DomainException.forbidden("Only the tenant's admins write its shared secrets");
        }
    }

    /** A credential is its owner's; a secret belongs to its tenant. Others learn nothing of it. */
    private void requireAccess(String callerTenant, String callerId) {
        if (deleted || !tenantId.equals(callerTenant) || kind == CredentialKind.CREDENTIAL
                && !ownerId.equals(callerId)) {
            throw DomainException.notFound(describe() + " not found");
        }
    }

    private String describe() {
        return (kind == CredentialKind.SECRET ? "Secret " + name : "Credential " + credentialId);
    }

    @EventSourcingHandler
    void on(CredentialStored event) {
        credentialId = event.credentialId();
        tenantId = event.tenantId();
        ownerId = event.ownerId();
        kind = event.kind();
        name = event.name();
        value = event.value();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(CredentialChanged event) {
        if (event.value() != null) {
            value = event.value();
        }
        if (event.expiresAt() != null) {
            expiresAt = event.expiresAt();
        }
    }

    @EventSourcingHandler
    void on(CredentialDeleted event) {
        deleted = true;
    }
}
