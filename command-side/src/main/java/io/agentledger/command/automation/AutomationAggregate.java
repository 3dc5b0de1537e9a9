package io.agentledger.command.automation;

import io.agentledger.command.work.CronSchedule;
import io.agentledger.kernel.automation.AutomationCommands.CreateAutomation;
import io.agentledger.kernel.automation.AutomationCommands.DeleteAutomation;
import io.agentledger.kernel.automation.AutomationCommands.UpdateAutomation;
import io.agentledger.kernel.automation.AutomationEvent.AutomationCreated;
import io.agentledger.kernel.automation.AutomationEvent.AutomationDeleted;
import io.agentledger.kernel.automation.AutomationEvent.AutomationScheduleFired;
import io.agentledger.kernel.automation.AutomationEvent.AutomationUpdated;
import io.agentledger.kernel.automation.AutomationTrigger;
import io.agentledger.kernel.automation.AutomationWorkflow;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * Seed 000's automation. Its trigger and workflow are checked by the controller before they reach here;
 * an active {@code schedule} trigger keeps one persistent deadline (fired once in the cluster) at its next time.
 */
@Aggregate
public class AutomationAggregate {

    static final String SCHEDULE = "automation-schedule";

    @AggregateIdentifier
    private String automationId;
    private String tenantId;
    private String name;
    private String description;
    private AutomationTrigger trigger;
    private AutomationWorkflow workflow;
    private boolean active;
    private boolean deleted;

    protected AutomationAggregate() {
    }

    @CommandHandler
    public AutomationAggregate(CreateAutomation command, DeadlineManager deadlines) {
        apply(new AutomationCreated(command.automationId(), command.tenantId(), command.createdBy(), command.name(),
                command.description(), command.trigger(), command.workflow(), command.isActive()));
        schedule(deadlines, command.trigger(), command.isActive(), now());
    }

    @CommandHandler
    public long handle(UpdateAutomation command, DeadlineManager deadlines) {
        requireTenant(command.tenantId());
        AutomationTrigger nextTrigger = command.trigger() == null ? trigger : command.trigger();
        boolean nextActive = command.isActive() == null ? active : command.isActive();
        apply(new AutomationUpdated(automationId, tenantId, command.updatedBy(),
                command.name() == null ? name : command.name(),
                command.description() == null ? description : command.description(), nextTrigger,
                command.workflow() == null ? workflow : command.workflow(), nextActive));
        deadlines.cancelAllWithinScope(SCHEDULE);
        schedule(deadlines, nextTrigger, nextActive, now());
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteAutomation command, DeadlineManager deadlines) {
        requireTenant(command.tenantId());
        deadlines.cancelAllWithinScope(SCHEDULE);
        apply(new AutomationDeleted(automationId, tenantId, command.deletedBy()));
        return getVersion();
    }

    /** The schedule came due: recorded (the trigger processor starts what it asks for) and the next time set. */
    @DeadlineHandler(deadlineName = SCHEDULE)
    void fire(Instant dueAt, DeadlineManager deadlines) {
        if (deleted || !active || !"schedule".equals(trigger.type())) {
            return;
        }
        CronSchedule cron = AutomationCron.of(trigger.config().get("cron"));
        apply(new AutomationScheduleFired(automationId, tenantId, cron.cron(), dueAt));
        schedule(deadlines, trigger, active, dueAt);
    }

    private static void schedule(DeadlineManager deadlines, AutomationTrigger trigger, boolean active, Instant after) {
        if (!active || !"schedule".equals(trigger.type())) {
            return;
        }
        Instant next = AutomationCron.of(trigger.config().get("cron")).next(after);
        if (next != null) {
            deadlines.schedule(next, SCHEDULE, next);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private void requireTenant(String callerTenant) {
        if (deleted || !tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Automation " + automationId + " not found");
        }
    }

    @EventSourcingHandler
    void on(AutomationCreated event) {
        automationId = event.automationId();
        tenantId = event.tenantId();
        take(event.name(), event.description(), event.trigger(), event.workflow(), event.isActive());
    }

    @EventSourcingHandler
    void on(AutomationUpdated event) {
        take(event.name(), event.description(), event.trigger(), event.workflow(), event.isActive());
    }

    private void take(String newName, String newDescription, AutomationTrigger newTrigger,
                      AutomationWorkflow newWorkflow, boolean isActive) {
        name = newName;
        description = newDescription;
        trigger = newTrigger;
        workflow = newWorkflow;
        active = isActive;
    }

    @EventSourcingHandler
    void on(AutomationDeleted event) {
        deleted = true;
    }
}
