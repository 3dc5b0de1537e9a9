package io.agentledger.kernel.system;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public final class SystemCommands {

    private SystemCommands() {
    }

    /** The owner of the platform-wide configuration every tenant inherits from, in place of a tenant id. */
    public static final String PLATFORM = "platform";

    /** Whose configuration a request with {@code scope} ({@code tenant}, the default, or {@code platform}) means. */
    public static String ownerFor(String scope, String callerTenantId) {
        if (scope == null || scope.isBlank() || "tenant".equals(scope)) {
            return callerTenantId;
        }
        if (PLATFORM.equals(scope)) {
            return PLATFORM;
        }
        throw io.agentledger.kernel.error.DomainException.invalid("scope must be tenant or platform");
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
