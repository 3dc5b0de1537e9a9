package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentEvent.AgentVersionUploaded;
import io.agentledger.kernel.agent.AgentVersionView;
import io.agentledger.kernel.agent.VersionStatus;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** agent_version_view: each write applies an agent event only when it is newer than the row's {@code seq}. */
@Repository
public class AgentVersionRepository {

    private final JdbcTemplate jdbc;

    public AgentVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AgentVersionUploaded event, long seq, Instant at) {
        jdbc.update("INSERT INTO agent_version_view (id, tenant_id, agent_id, version, status, uploaded_by, "
                        + "tarball_path, size_bytes, sha256, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", event.versionId(), event.tenantId(),
                event.agentId(), event.version(), VersionStatus.QUEUED.name(), event.uploadedBy(), event.tarballPath(),
                event.sizeBytes(), event.sha256(), seq, Sql.timestamp(at), Sql.timestamp(at));
    }

    void building(String versionId, long seq, Instant at) {
        jdbc.update("UPDATE agent_version_view SET status = ?, seq = ?, updated_at = ? WHERE id = ? AND seq < ?",
                VersionStatus.BUILDING.name(), seq, Sql.timestamp(at), versionId, seq);
    }

    void built(String versionId, String entrypoint, String runtime, String manifest, long seq, Instant at) {
        jdbc.update("UPDATE agent_version_view SET status = ?, entrypoint = ?, runtime = ?, config = ?, seq = ?, "
                        + "updated_at = ? WHERE id = ? AND seq < ?", VersionStatus.READY.name(), entrypoint, runtime,
                Text.foreign(manifest), seq, Sql.timestamp(at), versionId, seq);
    }

    void failed(String versionId, String reason, long seq, Instant at) {
        jdbc.update("UPDATE agent_version_view SET status = ?, error = ?, seq = ?, updated_at = ? "
                + "WHERE id = ? AND seq < ?", VersionStatus.FAILED.name(), Text.foreign(reason), seq, Sql.timestamp(at), versionId, seq);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM agent_version_view");
    }

    public Optional<AgentVersionView> find(String versionId, String tenantId) {
        return jdbc.query("SELECT * FROM agent_version_view WHERE id = ? AND tenant_id = ?", rows(), versionId,
                tenantId).stream().findFirst();
    }

    public List<AgentVersionView> ofAgent(String agentId, String tenantId) {
        return jdbc.query("SELECT * FROM agent_version_view WHERE agent_id = ? AND tenant_id = ? "
                + "ORDER BY created_at DESC, id DESC", rows(), agentId, tenantId);
    }

    /** The version named by id or label, else the newest ready one. */
    public Optional<AgentVersionView> runnable(String agentId, String tenantId, String idOrLabel) {
        if (idOrLabel != null) {
            return jdbc.query("SELECT * FROM agent_version_view WHERE agent_id = ? AND tenant_id = ? "
                    + "AND (id = ? OR version = ?)", rows(), agentId, tenantId, idOrLabel, idOrLabel).stream()
                    .findFirst();
        }
        return jdbc.query("SELECT * FROM agent_version_view WHERE agent_id = ? AND tenant_id = ? AND status = 'READY' "
                + "ORDER BY created_at DESC, id DESC LIMIT 1", rows(), agentId, tenantId).stream().findFirst();
    }

    private RowMapper<AgentVersionView> rows() {
        return (rs, i) -> {
            String id = rs.getString("id");
            return new AgentVersionView(id, rs.getString("agent_id"), rs.getString("version"),
                    VersionStatus.valueOf(rs.getString("status")), buildLog(id), rs.getString("tarball_path"),
                    rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("entrypoint"),
                    rs.getString("runtime"), rs.getString("config"), rs.getString("error"),
                    rs.getString("uploaded_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
        };
    }

    private String buildLog(String versionId) {
        List<String> lines = jdbc.queryForList("SELECT at || ' ' || level || ' ' || message FROM agent_log "
                + "WHERE version_id = ? AND source = 'build' ORDER BY at, event_id, line_no", String.class, versionId);
        return lines.isEmpty() ? null : lines.stream().collect(Collectors.joining("\n"));
    }
}
