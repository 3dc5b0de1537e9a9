package io.agentledger.command.automation;

import io.agentledger.command.work.CronSchedule;
import io.agentledger.kernel.error.DomainException;

/** A schedule trigger's {@code config.cron}. */
final class AutomationCron {

    private AutomationCron() {
    }

    static CronSchedule of(Object cron) {
        if (!(cron instanceof String text) || text.isBlank() || text.length() > 100) {
            throw DomainException.invalid("trigger.config.cron must be a cron expression, such as \"0 9 * * 1-5\"");
        }
        return CronSchedule.parse(text, "trigger.config.cron");
    }
}
