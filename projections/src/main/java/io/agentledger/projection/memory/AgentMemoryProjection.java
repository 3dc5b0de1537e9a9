package io.agentledger.projection.memory;

import io.agentledger.kernel.memory.AgentMemoryEvent.AgentMemoryStored;
import io.agentledger.kernel.memory.MemoryQueries.FindAgentMemoryVersion;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.VersionAnnouncer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(AgentMemoryProjection.GROUP)
public class AgentMemoryProjection {

    public static final String GROUP = "agent-memory";

    private final JdbcTemplate jdbc;
    private final VersionAnnouncer versions;

    public AgentMemoryProjection(JdbcTemplate jdbc, VersionAnnouncer versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @EventHandler
    void on(AgentMemoryStored event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("INSERT INTO agent_memory (id, tenant_id, agent_id, memory_type, content, tags, stored_by, "
                        + "created_at, expires_at) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.memoryId(), event.tenantId(), event.agentId(), event.memoryType(), Json.write(event.content()),
                Json.write(event.tags()), event.storedBy(), Sql.timestamp(at), Sql.timestamp(event.expiresAt()));
        versions.announce(FindAgentMemoryVersion.class, FindAgentMemoryVersion::memoryId, event.memoryId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM agent_memory");
    }
}
