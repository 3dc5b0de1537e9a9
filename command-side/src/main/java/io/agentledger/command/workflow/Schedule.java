package io.agentledger.command.workflow;

import io.agentledger.command.work.CronSchedule;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.WorkflowDefinition;

import java.util.Map;

/**
 * A workflow's {@code schedule} trigger: {@code trigger.cron} (or {@code trigger.conditions.cron}). Null
 * when the trigger is not a schedule.
 */
final class Schedule {

    private Schedule() {
    }

    static CronSchedule of(WorkflowDefinition definition) {
        Map<String, Object> trigger = definition == null ? null : definition.trigger();
        if (trigger == null || !"schedule".equals(trigger.get("type"))) {
            return null;
        }
        Object cron = trigger.get("cron");
        if (cron == null && trigger.get("conditions") instanceof Map<?, ?> conditions) {
            cron = conditions.get("cron");
        }
        if (!(cron instanceof String text) || text.isBlank()) {
            throw DomainException.invalid("A schedule trigger needs trigger.cron, such as \"0 9 * * 1-5\"");
        }
        return CronSchedule.parse(text, "trigger.cron");
    }
}
