package io.agentledger.command.work;

import io.agentledger.kernel.error.DomainException;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneOffset;

/** A schedule's cron: five fields (minute first) or six (second first), in UTC. */
public record CronSchedule(String cron, CronExpression expression) {

    /** {@code field} names where the text came from, for the refusal. */
    public static CronSchedule parse(String text, String field) {
        String fields = text.trim().split("\\s+").length == 5 ? "0 " + text.trim() : text.trim();
        try {
            return new CronSchedule(text.trim(), CronExpression.parse(fields));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field + " is not a cron expression: " + e.getMessage());
        }
    }

    public Instant next(Instant after) {
        var next = expression.next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }
}
