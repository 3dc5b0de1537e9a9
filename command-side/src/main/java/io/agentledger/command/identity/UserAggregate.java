package io.agentledger.command.identity;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Role;
import io.agentledger.kernel.user.UserCommands.ChangeUserPreferences;
import io.agentledger.kernel.user.UserCommands.ChangeUserRole;
import io.agentledger.kernel.user.UserCommands.DeactivateUser;
import io.agentledger.kernel.user.UserCommands.RegisterUser;
import io.agentledger.kernel.user.UserEvent.UserDeactivated;
import io.agentledger.kernel.user.UserEvent.UserPreferencesChanged;
import io.agentledger.kernel.user.UserEvent.UserRegistered;
import io.agentledger.kernel.user.UserEvent.UserRoleChanged;
import io.agentledger.kernel.stepup.StepUpCommands.EnrolmentProof;
import io.agentledger.kernel.stepup.StepUpCommands.IssueBackupCodes;
import io.agentledger.kernel.stepup.StepUpCommands.RemoveAuthenticator;
import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRemoved;
import io.agentledger.kernel.stepup.StepUpCommands.RecordStepUp;
import io.agentledger.kernel.stepup.StepUpCommands.RegisterAuthenticator;
import io.agentledger.kernel.stepup.StepUpEvent.AuthenticatorRegistered;
import io.agentledger.kernel.stepup.StepUpEvent.BackupCodesIssued;
import io.agentledger.kernel.stepup.StepUpEvent.StepUpVerified;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** Role, deactivation and preference changes answer the new version, so callers can wait until it is visible. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class UserAggregate {

    @AggregateIdentifier
    private String userId;
    private String tenantId;
    private Role role;
    private boolean active;
    private final java.util.Map<String, Long> signCounts = new java.util.HashMap<>();
    private boolean backupCodesIssued;

    protected UserAggregate() {
    }

    @CommandHandler
    public UserAggregate(RegisterUser command) {
        apply(new UserRegistered(command.userId(), command.tenantId(), command.email(), command.username(),
                command.fullName(), command.role(), command.invitationId()));
    }

    @CommandHandler
    public long handle(ChangeUserRole command) {
        requireTenant(command.tenantId());
        if (userId.equals(command.changedBy())) {
            throw DomainException.conflict("You cannot change your own role");
        }
        if (!active) {
            throw DomainException.conflict("User " + userId + " is deactivated");
        }
        if (role != command.role()) {
            apply(new UserRoleChanged(userId, tenantId, role, command.role(), command.changedBy()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DeactivateUser command) {
        requireTenant(command.tenantId());
        if (userId.equals(command.deactivatedBy())) {
            throw DomainException.conflict("You cannot deactivate yourself");
        }
        if (!active) {
            throw DomainException.conflict("User " + userId + " is already deactivated");
        }
        apply(new UserDeactivated(userId, tenantId, command.deactivatedBy()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeUserPreferences command) {
        requireTenant(command.tenantId());
        if (command.preferences().isEmpty()) {
            throw DomainException.invalid("No preference to change");
        }
        apply(new UserPreferencesChanged(userId, tenantId, command.preferences()));
        return getVersion();
    }

    @CommandHandler
    public void handle(RegisterAuthenticator command) {
        requireTenant(command.tenantId());
        requireEnrolmentProof(command.proof(), "enrol an authenticator");
        apply(new AuthenticatorRegistered(userId, tenantId, command.authenticatorId(), command.credentialId(),
                command.attestedCredentialData(), command.signCount()));
        if (command.backupCodes() > 0) {
            apply(new BackupCodesIssued(userId, tenantId, command.backupCodes()));
        }
    }

    /** A signature counter that does not move forward means a cloned authenticator or a replayed assertion. */
    @CommandHandler
    public void handle(RecordStepUp command) {
        requireTenant(command.tenantId());
        if (command.authenticatorId() != null) {
            Long known = signCounts.get(command.authenticatorId());
            if (known == null) {
                throw DomainException.notFound("Authenticator " + command.authenticatorId() + " not found");
            }
            if (command.signCount() != 0 && command.signCount() <= known) {
                throw new DomainException(ErrorCode.UNAUTHORIZED,
                        "The authenticator's signature counter did not advance: the assertion was replayed");
            }
        }
        apply(new StepUpVerified(userId, tenantId, command.principal(), command.method(), command.authenticatorId(),
                command.signCount(), command.validUntil()));
    }

    @CommandHandler
    public void handle(IssueBackupCodes command) {
        requireTenant(command.tenantId());
        requireEnrolmentProof(command.proof(), "issue backup codes");
        apply(new BackupCodesIssued(userId, tenantId, command.count()));
    }

    @CommandHandler
    public void handle(RemoveAuthenticator command) {
        requireTenant(command.tenantId());
        if (!signCounts.containsKey(command.authenticatorId())) {
            throw DomainException.notFound("Authenticator " + command.authenticatorId() + " not found");
        }
        if (!command.proof().signedIn() || !command.proof().steppedUp()) {
            throw new DomainException(ErrorCode.STEP_UP_REQUIRED, "Removing an authenticator needs a recent "
                    + "step-up of a signed-in session");
        }
        apply(new AuthenticatorRemoved(userId, tenantId, command.authenticatorId()));
    }

    /**
     * A stolen token must not become lasting step-up power: factors are enrolled from a signed-in
     * session only, the first with the account password, every later one after a step-up.
     */
    private void requireEnrolmentProof(EnrolmentProof proof, String what) {
        if (!proof.signedIn()) {
            throw DomainException.forbidden("An API key cannot " + what + ": sign in with your password");
        }
        boolean hasFactor = !signCounts.isEmpty() || backupCodesIssued;
        if (hasFactor && !proof.steppedUp()) {
            throw new DomainException(ErrorCode.STEP_UP_REQUIRED, "To " + what + " once a factor is set up, "
                    + "verify first with POST /api/v1/auth/biometric/verify");
        }
        if (!hasFactor && !proof.passwordConfirmed()) {
            throw DomainException.forbidden("To " + what + " for the first time, give your account password "
                    + "(password) in the same request");
        }
    }

    @EventSourcingHandler
    void on(BackupCodesIssued event) {
        backupCodesIssued = true;
    }

    @EventSourcingHandler
    void on(AuthenticatorRemoved event) {
        signCounts.remove(event.authenticatorId());
    }

    @EventSourcingHandler
    void on(AuthenticatorRegistered event) {
        signCounts.put(event.authenticatorId(), event.signCount());
    }

    @EventSourcingHandler
    void on(StepUpVerified event) {
        if (event.authenticatorId() != null) {
            signCounts.put(event.authenticatorId(), event.signCount());
        }
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("User " + userId + " not found");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        tenantId = event.tenantId();
        role = event.role();
        active = true;
    }

    @EventSourcingHandler
    void on(UserRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }
}
