package io.agentledger.command.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A workflow's {@code schedule} trigger: {@code trigger.cron} (or {@code trigger.conditions.cron}), five
 * fields (minute first) or six (second first), in UTC. Null when the trigger is not a schedule.
 */
record Schedule(String cron, CronExpression expression) {

    static Schedule of(WorkflowDefinition definition) {
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
        String fields = text.trim().split("\\s+").length == 5 ? "0 " + text.trim() : text.trim();
        try {
            return new Schedule(text.trim(), CronExpression.parse(fields));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("trigger.cron is not a cron expression: " + e.getMessage());
        }
    }

    Instant next(Instant after) {
        var next = expression.next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }
}
