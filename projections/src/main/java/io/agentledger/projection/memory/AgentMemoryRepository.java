package io.agentledger.projection.memory;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.memory.AgentMemoryView;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** agent_memory: entries past their TTL are no longer served (they stay in the event store). */
@Repository
public class AgentMemoryRepository {

    private static final RowMapper<AgentMemoryView> ROW = (rs, i) -> new AgentMemoryView(rs.getString("id"),
            rs.getString("agent_id"), rs.getString("memory_type"), Json.read(rs.getString("content"),
            new TypeReference<Object>() {
            }), Json.read(rs.getString("tags"), MemoryDirectoryRepository.STRINGS), rs.getString("stored_by"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"));

    private final JdbcTemplate jdbc;

    public AgentMemoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Query(String tenantId, String agentId, String memoryType, List<String> tags, Instant since,
                        Instant now, int limit) {
    }

    public List<AgentMemoryView> find(Query query) {
        Filters filters = Filters.where("tenant_id = ?", query.tenantId()).and("agent_id = ?", query.agentId())
                .and("memory_type = ?", query.memoryType())
                .and("created_at >= ?", Sql.timestamp(query.since()))
                .andWith("(expires_at IS NULL OR expires_at > ?)", List.of(Sql.timestamp(query.now())));
        for (String tag : query.tags()) {
            filters.and("tags @> ?::jsonb", Json.write(List.of(tag)));
        }
        return filters.page(jdbc, "agent_memory", "created_at DESC, id DESC", ROW,
                new io.agentledger.kernel.page.PageSpec(1, query.limit())).items();
    }

    public Optional<AgentMemoryView> find(String memoryId, String tenantId) {
        return jdbc.query("SELECT * FROM agent_memory WHERE id = ? AND tenant_id = ?", ROW, memoryId, tenantId)
                .stream().findFirst();
    }

    public Long version(String memoryId) {
        return jdbc.query("SELECT 0 FROM agent_memory WHERE id = ?", (rs, i) -> rs.getLong(1), memoryId).stream()
                .findFirst().orElse(null);
    }
}
