package io.agentledger.projection.spend;

import io.agentledger.kernel.run.RunEvent.CostRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code ai_spend_daily}: what each tenant's runs cost per UTC day, provider and model. */
@Component
@ProcessingGroup(AiSpendProjection.GROUP)
public class AiSpendProjection {

    public static final String GROUP = "ai-spend";

    private final JdbcTemplate jdbc;

    public AiSpendProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CostRecorded event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO ai_spend_daily (tenant_id, day, provider, model, cost, input_tokens, output_tokens, "
                        + "api_calls) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day, provider, model) "
                        + "DO UPDATE SET cost = ai_spend_daily.cost + EXCLUDED.cost, "
                        + "input_tokens = ai_spend_daily.input_tokens + EXCLUDED.input_tokens, "
                        + "output_tokens = ai_spend_daily.output_tokens + EXCLUDED.output_tokens, "
                        + "api_calls = ai_spend_daily.api_calls + EXCLUDED.api_calls",
                event.tenantId(), Date.valueOf(at.atZone(ZoneOffset.UTC).toLocalDate()),
                event.provider() == null ? "unknown" : event.provider(),
                event.model() == null ? "unknown" : event.model(), event.cost(), event.inputTokens(),
                event.outputTokens(), event.apiCalls());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM ai_spend_daily");
    }
}
