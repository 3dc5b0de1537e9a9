package io.agentledger.command.system;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.SettingsSchema;
import io.agentledger.kernel.system.SystemCommands.ModifySystem;
import io.agentledger.kernel.system.SystemCommands.RollBack;
import io.agentledger.kernel.system.SystemCommands.RollbackPlan;
import io.agentledger.kernel.system.SystemCommands.RollbackStep;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import io.agentledger.kernel.system.SystemEvent.ValueChange;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The settings a tenant (or the platform) set, and every modification in order, so a rollback knows
 * what came after it. A key never set inherits (from the platform, then the deployment's defaults):
 * its before-value is {@code null}, and rolling back to {@code null} makes it inherit again.
 */
@Aggregate
public class SystemConfigAggregate {

    @AggregateIdentifier
    private String configId;
    private String tenantId;
    private final Map<String, Object> values = new HashMap<>();
    private final List<Applied> history = new ArrayList<>();

    private static final class Applied {
        final String id;
        final Map<String, ValueChange> changes;
        final Instant at;
        String rolledBackBy;

        Applied(String id, Map<String, ValueChange> changes, Instant at) {
            this.id = id;
            this.changes = changes;
            this.at = at;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Applied that && id.equals(that.id) && changes.equals(that.changes)
                    && at.equals(that.at) && java.util.Objects.equals(rolledBackBy, that.rolledBackBy);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    protected SystemConfigAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ModifySystem command) {
        if (configId != null && !tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Configuration not found");
        }
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        command.changes().forEach((key, after) -> {
            Object before = current(key);
            if (!SettingsSchema.same(before, after)) {
                changes.put(key, new ValueChange(before, after));
            }
        });
        if (changes.isEmpty()) {
            throw DomainException.conflict("Nothing would change: the configuration already has these values");
        }
        apply(new SystemModified(command.configId(), command.tenantId(), command.modificationId(), command.type(),
                command.description(), changes, command.impactAssessment(), command.appliedBy(), List.of(), null));
        return getVersion();
    }

    @CommandHandler
    public RollbackPlan handle(RollBack command) {
        if (!tenantId.equals(command.tenantId())) {
            throw DomainException.notFound("Configuration not found");
        }
        List<RollbackStep> steps = command.modificationId() != null
                ? stepsUndoing(closureOf(command.modificationId(), command.cascade()))
                : List.of(stepBackTo(command.to()));
        if (!command.dryRun()) {
            steps.forEach(step -> apply(new SystemModified(configId, tenantId, step.rollbackId(),
                    ModificationType.ROLLBACK, "Rollback of " + String.join(", ", step.modificationIds()),
                    step.changes(), null, command.appliedBy(), step.modificationIds(), command.reason())));
        }
        return new RollbackPlan(steps, getVersion());
    }

    /** One compensating modification per target, newest first. */
    private List<RollbackStep> stepsUndoing(List<Applied> targets) {
        Map<String, Object> state = new HashMap<>(values);
        List<RollbackStep> steps = new ArrayList<>();
        for (int i = targets.size() - 1; i >= 0; i--) {
            Applied target = targets.get(i);
            Map<String, ValueChange> inverse = new LinkedHashMap<>();
            target.changes.forEach((key, change) -> {
                inverse.put(key, new ValueChange(valueIn(state, key), change.before()));
                state.put(key, change.before());
            });
            steps.add(new RollbackStep(Ids.newId(IdPrefix.MODIFICATION), List.of(target.id), inverse));
        }
        return steps;
    }

    /** One modification taking every setting back to its value at {@code to}, rolling back all live ones since. */
    private RollbackStep stepBackTo(Instant to) {
        Map<String, Object> then = new HashMap<>();
        history.stream().filter(a -> !a.at.isAfter(to))
                .forEach(a -> a.changes.forEach((key, change) -> then.put(key, change.after())));
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        history.stream().filter(a -> a.at.isAfter(to)).flatMap(a -> a.changes.keySet().stream()).distinct()
                .forEach(key -> {
                    Object now = valueIn(values, key);
                    Object before = valueIn(then, key);
                    if (!SettingsSchema.same(now, before)) {
                        changes.put(key, new ValueChange(now, before));
                    }
                });
        if (changes.isEmpty()) {
            throw DomainException.conflict("The configuration is already as it was at " + to);
        }
        List<String> live = history.stream().filter(a -> a.at.isAfter(to) && a.rolledBackBy == null)
                .map(a -> a.id).toList();
        return new RollbackStep(Ids.newId(IdPrefix.MODIFICATION), live, changes);
    }

    /** The modification and every later live one that touched its keys (transitively), oldest first. */
    private List<Applied> closureOf(String modificationId, boolean cascade) {
        int index = indexOf(modificationId);
        Applied target = history.get(index);
        if (target.rolledBackBy != null) {
            throw DomainException.conflict("Modification " + modificationId + " was already rolled back by "
                    + target.rolledBackBy + "; roll that back to re-apply it");
        }
        List<Applied> closure = new ArrayList<>(List.of(target));
        Set<String> keys = new HashSet<>(target.changes.keySet());
        for (Applied later : history.subList(index + 1, history.size())) {
            if (later.rolledBackBy == null && later.changes.keySet().stream().anyMatch(keys::contains)) {
                closure.add(later);
                keys.addAll(later.changes.keySet());
            }
        }
        if (closure.size() > 1 && !cascade) {
            throw DomainException.conflict("Later modifications changed the same settings: " + String.join(", ",
                    closure.subList(1, closure.size()).stream().map(a -> a.id).toList())
                    + "; roll them back first or pass cascade: true");
        }
        return closure;
    }

    private int indexOf(String modificationId) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).id.equals(modificationId)) {
                return i;
            }
        }
        throw DomainException.notFound("Modification " + modificationId + " not found");
    }

    private Object current(String key) {
        return valueIn(values, key);
    }

    private static Object valueIn(Map<String, Object> state, String key) {
        return state.get(key);
    }

    @EventSourcingHandler
    void on(SystemModified event, @Timestamp Instant at) {
        configId = event.configId();
        tenantId = event.tenantId();
        event.changes().forEach((key, change) -> {
            if (change.after() == null) {
                values.remove(key);
            } else {
                values.put(key, change.after());
            }
        });
        history.add(new Applied(event.modificationId(), event.changes(), at));
        if (event.rollsBack() != null) {
            history.stream().filter(a -> event.rollsBack().contains(a.id))
                    .forEach(a -> a.rolledBackBy = event.modificationId());
        }
    }
}
