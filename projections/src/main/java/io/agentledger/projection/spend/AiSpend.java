package io.agentledger.projection.spend;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

/** Reads {@code ai_spend_daily}. */
@Repository
public class AiSpend {

    private final JdbcTemplate jdbc;

    public AiSpend(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public BigDecimal on(String tenantId, LocalDate day) {
        return jdbc.queryForObject("SELECT coalesce(sum(cost), 0) FROM ai_spend_daily WHERE tenant_id = ? AND day = ?",
                BigDecimal.class, tenantId, Date.valueOf(day));
    }
}
