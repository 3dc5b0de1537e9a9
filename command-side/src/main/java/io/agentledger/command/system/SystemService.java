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

/** Modifications and rollbacks of a tenant's configuration: admins only, after a step-up. */
@Service
public class SystemService {

    private final CommandGateway commands;
    private final StepUpGuard stepUp;
    private final ReadModelAwait readModel;

    public SystemService(CommandGateway commands, StepUpGuard stepUp, ReadModelAwait readModel) {
        this.commands = commands;
        this.stepUp = stepUp;
        this.readModel = readModel;
    }

    public String modify(Caller caller, ModificationType type, String description, Map<String, Object> changes,
                         String impactAssessment) {
        if (type == ModificationType.ROLLBACK) {
            throw DomainException.invalid("type: a rollback is made with POST /api/v1/system/rollback");
        }
        Map<String, Object> valid = SettingsSchema.validate(changes);
        stepUp.require(caller);
        String configId = SystemCommands.configId(caller.tenantId());
        String modificationId = Ids.newId(IdPrefix.MODIFICATION);
        long version = commands.sendAndWait(new ModifySystem(configId, caller.tenantId(), modificationId, type,
                description.trim(), valid, impactAssessment, caller.userId()));
        readModel.awaitVersion(new FindConfigVersion(caller.tenantId()), version);
        return modificationId;
    }

    public RollbackPlan rollBack(Caller caller, String modificationId, Instant to, boolean cascade, boolean dryRun,
                                 String reason) {
        if ((modificationId == null) == (to == null)) {
            throw DomainException.invalid("Give exactly one of modification_id and to");
        }
        stepUp.require(caller);
        try {
            RollbackPlan plan = commands.sendAndWait(new RollBack(SystemCommands.configId(caller.tenantId()),
                    caller.tenantId(), modificationId, to, cascade, dryRun, reason.trim(), caller.userId()));
            if (!dryRun) {
                readModel.awaitVersion(new FindConfigVersion(caller.tenantId()), plan.version());
            }
            return plan;
        } catch (AggregateNotFoundException none) {
            throw DomainException.notFound(modificationId != null ? "Modification " + modificationId + " not found"
                    : "The configuration was never modified");
        }
    }
}
