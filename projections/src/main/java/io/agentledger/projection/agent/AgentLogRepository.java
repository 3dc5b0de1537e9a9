package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentLogLine;
import io.agentledger.kernel.agent.AgentLogView;
import io.agentledger.kernel.agent.AgentQueries.FindAgentLogs;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** agent_log: the lines an event carried, keyed by the event and the line's place in it (written once). */
@Repository
public class AgentLogRepository {

    private final JdbcTemplate jdbc;

    public AgentLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String eventId, String tenantId, String agentId, String versionId, String executionId,
                List<AgentLogLine> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AgentLogLine line = lines.get(i);
            rows.add(new Object[]{eventId, i, tenantId, agentId, versionId, executionId,
                    Sql.timestamp(line.timestamp()), line.level(), line.source(), Text.foreign(line.message())});
        }
        jdbc.batchUpdate("INSERT INTO agent_log (event_id, line_no, tenant_id, agent_id, version_id, execution_id, at, "
                + "level, source, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM agent_log");
    }

    public List<AgentLogView> find(FindAgentLogs query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM agent_log WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.tenantId()));
        if (query.agentId() != null) {
            sql.append(" AND agent_id = ?");
            args.add(query.agentId());
        }
        if (query.executionId() != null) {
            sql.append(" AND execution_id = ?");
            args.add(query.executionId());
        }
        if (query.source() != null) {
            sql.append(" AND source = ?");
            args.add(query.source());
        }
        sql.append(" ORDER BY at DESC, event_id DESC, line_no DESC LIMIT ?");
        args.add(query.limit());
        List<AgentLogView> newestFirst = jdbc.query(sql.toString(), (rs, i) -> {
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (rs.getString("version_id") != null) {
                metadata.put("version_id", rs.getString("version_id"));
            }
            if (rs.getString("execution_id") != null) {
                metadata.put("execution_id", rs.getString("execution_id"));
            }
            return new AgentLogView(Sql.instant(rs, "at"), rs.getString("level"), rs.getString("message"),
                    rs.getString("source"), metadata);
        }, args.toArray());
        List<AgentLogView> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
