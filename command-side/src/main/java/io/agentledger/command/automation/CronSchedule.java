package io.agentledger.command.automation;

import io.agentledger.kernel.error.DomainException;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneOffset;

/** A schedule trigger's cron: five fields (minute first) or six (second first), in UTC. */
record CronSchedule(String cron, CronExpression expression) {

    static CronSchedule of(Object cron) {
        if (!(cron instanceof String text) || text.isBlank() || text.length() > 100) {
            throw DomainException.invalid("trigger.config.cron must be a cron expression, such as \"0 9 * * 1-5\"");
        }
        String fields = text.trim().split("\\s+").length == 5 ? "0 " + text.trim() : text.trim();
        try {
            return new CronSchedule(text.trim(), CronExpression.parse(fields));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("trigger.config.cron is not a cron expression: " + e.getMessage());
        }
    }

    Instant next(Instant after) {
        var next = expression.next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }
}
