package io.agentledger.command.goal;

import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.run.RunQueries.AiSpendOn;
import io.agentledger.kernel.system.SettingsSchema;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether a tenant may start another run: fewer runs pending or running than
 * {@code workflows.max_parallel_runs}, and today's AI spend below {@code cost.daily_limit}. Checked
 * before the start, so simultaneous starts can pass the limit by the few that raced.
 */
@Component
public class RunAdmission {

    private final SystemSettings settings;
    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final Clock clock;

    public RunAdmission(SystemSettings settings, JdbcTemplate jdbc, QueryGateway queries, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.queries = queries;
        this.clock = clock;
    }

    public void check(String tenantId) {
        long allowed = settings.integer(tenantId, SettingsSchema.MAX_ACTIVE_RUNS);
        Long active = jdbc.queryForObject("SELECT count(*) FROM run_work WHERE tenant_id = ?", Long.class, tenantId);
        if (active != null && active >= allowed) {
            throw DomainException.conflict("The tenant has " + active + " runs pending or running; the setting "
                    + SettingsSchema.MAX_ACTIVE_RUNS + " allows " + allowed);
        }
        BigDecimal limit = settings.decimal(tenantId, SettingsSchema.DAILY_COST_LIMIT);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        BigDecimal spent = queries.query(new AiSpendOn(tenantId, today), BigDecimal.class).join();
        if (spent.compareTo(limit) >= 0) {
            throw DomainException.limited("Today's AI spend of this tenant (" + spent.stripTrailingZeros()
                    .toPlainString() + ") has reached the setting " + SettingsSchema.DAILY_COST_LIMIT + " ("
                    + limit.toPlainString() + "); new runs start again tomorrow (UTC)");
        }
    }
}
