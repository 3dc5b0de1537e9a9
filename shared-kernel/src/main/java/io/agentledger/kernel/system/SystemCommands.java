package io.agentledger.kernel.system;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public final class SystemCommands {

    private SystemCommands() {
    }

    public static String configId(String tenantId) {
        return "syscfg_" + tenantId;
    }

    /** {@code changes} already validated against {@link SettingsSchema}. */
    public record ModifySystem(@TargetAggregateIdentifier String configId, String tenantId, String modificationId,
                               ModificationType type, String description, Map<String, Object> changes,
                               String impactAssessment, String appliedBy) {
    }

    /** One of {@code modificationId} and {@code to}; answers the {@link RollbackPlan}, applied unless a dry run. */
    public record RollBack(@TargetAggregateIdentifier String configId, String tenantId, String modificationId,
                           Instant to, boolean cascade, boolean dryRun, String reason, String appliedBy) {
    }

    /** {@code version}: the configuration's version after the plan (unchanged by a dry run). */
    public record RollbackPlan(List<RollbackStep> steps, long version) {
    }

    /** Rolling back {@code modificationIds} as the new modification {@code rollbackId}. */
    public record RollbackStep(String rollbackId, List<String> modificationIds,
                               Map<String, SystemEvent.ValueChange> changes) {
    }
}
