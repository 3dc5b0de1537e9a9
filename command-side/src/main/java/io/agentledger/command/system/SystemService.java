package io.agentledger.command.system;

import io.agentledger.command.credential.StepUpGuard;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.SettingsSchema;
import io.agentledger.kernel.system.SystemCommands;
import io.agentledger.kernel.system.SystemCommands.ModifySystem;
import io.agentledger.kernel.system.SystemCommands.RollBack;
import io.agentledger.kernel.system.SystemCommands.RollbackPlan;
import io.agentledger.kernel.system.SystemQueries.FindConfigVersion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;

/**
 * Modifications and rollbacks of a tenant's configuration (admins) or of the platform's (platform
 * admins), always after a step-up. {@code owner}: the tenant id, or {@link SystemCommands#PLATFORM}.
 */
@Service
public class SystemService {

    private final CommandGateway commands;
    private final StepUpGuard stepUp;
    private final ReadModelAwait readModel;
    private final PlatformAdmins platformAdmins;

    public SystemService(CommandGateway commands, StepUpGuard stepUp, ReadModelAwait readModel,
                         PlatformAdmins platformAdmins) {
        this.commands = commands;
        this.stepUp = stepUp;
        this.readModel = readModel;
        this.platformAdmins = platformAdmins;
    }

    public String modify(Caller caller, String owner, ModificationType type, String description, Map<String, Object> changes,
                         String impactAssessment) {
        if (type == ModificationType.ROLLBACK) {
            throw DomainException.invalid("type: a rollback is made with POST /api/v1/system/rollback");
        }
        Map<String, Object> valid = SettingsSchema.validate(changes);
        authorize(caller, owner);
        String modificationId = Ids.newId(IdPrefix.MODIFICATION);
        long version = commands.sendAndWait(new ModifySystem(SystemCommands.configId(owner), owner, modificationId,
                type, description.trim(), valid, impactAssessment, caller.userId()));
        readModel.awaitVersion(new FindConfigVersion(owner), version);
        return modificationId;
    }

    public RollbackPlan rollBack(Caller caller, String owner, String modificationId, Instant to, boolean cascade, boolean dryRun,
                                 String reason) {
        if ((modificationId == null) == (to == null)) {
            throw DomainException.invalid("Give exactly one of modification_id and to");
        }
        authorize(caller, owner);
        try {
            RollbackPlan plan = commands.sendAndWait(new RollBack(SystemCommands.configId(owner), owner,
                    modificationId, to, cascade, dryRun, reason.trim(), caller.userId()));
            if (!dryRun) {
                readModel.awaitVersion(new FindConfigVersion(owner), plan.version());
            }
            return plan;
        } catch (AggregateNotFoundException none) {
            throw DomainException.notFound(modificationId != null ? "Modification " + modificationId + " not found"
                    : "The configuration was never modified");
        }
    }

    private void authorize(Caller caller, String owner) {
        if (SystemCommands.PLATFORM.equals(owner)) {
            platformAdmins.require(caller);
        }
        stepUp.require(caller);
    }
}
