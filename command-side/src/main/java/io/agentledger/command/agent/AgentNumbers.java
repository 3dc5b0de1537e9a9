package io.agentledger.command.agent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out each tenant's agent numbers (1, 2, …) before the agent is registered; the number is then
 * part of the event, so a replay gives every agent the number it had. A registration that fails leaves
 * its number unused.
 */
@Component
class AgentNumbers {

    private final JdbcTemplate jdbc;

    AgentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long next(String tenantId) {
        return jdbc.queryForObject("INSERT INTO agent_number (tenant_id, last) VALUES (?, 1) ON CONFLICT (tenant_id) "
                + "DO UPDATE SET last = agent_number.last + 1 RETURNING last", Long.class, tenantId);
    }
}
