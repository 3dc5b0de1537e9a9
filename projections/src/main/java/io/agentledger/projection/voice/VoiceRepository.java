package io.agentledger.projection.voice;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.voice.VoiceEvent.VoiceCommandProcessed;
import io.agentledger.kernel.voice.VoicePhrase;
import io.agentledger.kernel.voice.VoiceProfileView;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import io.agentledger.projection.support.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** voice_profile_view (guarded by the profile's version) and voice_command_view (one row per command). */
@Repository
public class VoiceRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<VoicePhrase>> PHRASES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public VoiceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the profile row at the event's version, or moves it there; false when already applied. */
    boolean advance(String profileId, String tenantId, String userId, long version) {
        if (version == 0) {
            return 1 == jdbc.update("INSERT INTO voice_profile_view (id, tenant_id, user_id, version) VALUES (?, ?, ?, 0) "
                    + "ON CONFLICT (id) DO NOTHING", profileId, tenantId, userId);
        }
        return 1 == jdbc.update("UPDATE voice_profile_view SET version = ? WHERE id = ? AND version = ?", version,
                profileId, version - 1);
    }

    void settings(String profileId, Map<String, Object> settings) {
        jdbc.update("UPDATE voice_profile_view SET settings = settings || CAST(? AS jsonb) WHERE id = ?",
                Json.write(settings), profileId);
    }

    void phrases(String profileId, List<VoicePhrase> phrases) {
        jdbc.update("UPDATE voice_profile_view SET phrases = phrases || CAST(? AS jsonb) WHERE id = ?",
                Json.write(phrases), profileId);
    }

    void command(VoiceCommandProcessed e, Instant at) {
        jdbc.update("INSERT INTO voice_command_view (id, tenant_id, user_id, source, transcript, "
                        + "transcription_confidence, language, audio_sha256, audio_bytes, intent, entities, "
                        + "intent_confidence, agent_id, agent_number, execution_id, response, understood, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING", e.commandId(), e.tenantId(), e.userId(), e.source(),
                Text.foreign(e.transcript()), e.transcriptionConfidence(), e.language(), e.audioSha256(),
                e.audioBytes(), e.intent(), Json.write(e.entities() == null ? Map.of() : e.entities()),
                e.intentConfidence(), e.agentId(), e.agentNumber(), e.executionId(), Text.foreign(e.response()),
                e.understood(), Sql.timestamp(at));
    }

    public Optional<VoiceProfileView> profile(String profileId, String tenantId) {
        return jdbc.query("SELECT * FROM voice_profile_view WHERE id = ? AND tenant_id = ?", (rs, n) ->
                new VoiceProfileView(rs.getString("id"), rs.getString("tenant_id"), rs.getString("user_id"),
                        Json.read(rs.getString("settings"), MAP), Json.read(rs.getString("phrases"), PHRASES),
                        rs.getLong("version")), profileId, tenantId).stream().findFirst();
    }

    public Long version(String profileId) {
        return jdbc.query("SELECT version FROM voice_profile_view WHERE id = ?", (rs, n) -> rs.getLong(1), profileId)
                .stream().findFirst().orElse(null);
    }

    public List<Map<String, Object>> commands(String tenantId, String userId, long offset, int limit) {
        return jdbc.query("SELECT * FROM voice_command_view WHERE tenant_id = ? AND user_id = ? "
                + "ORDER BY created_at DESC, id OFFSET ? LIMIT ?", (rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getString("id"));
                    row.put("transcribed_text", rs.getString("transcript"));
                    row.put("source", rs.getString("source"));
                    row.put("language", rs.getString("language"));
                    row.put("confidence_score", rs.getDouble("transcription_confidence"));
                    row.put("intent", Map.of("action", rs.getString("intent"), "entities",
                            Json.read(rs.getString("entities"), MAP), "confidence", rs.getDouble("intent_confidence")));
                    row.put("agent_id", rs.getString("agent_id"));
                    row.put("agent_number", rs.getObject("agent_number"));
                    row.put("execution_id", rs.getString("execution_id"));
                    row.put("response", rs.getString("response"));
                    row.put("understood", rs.getBoolean("understood"));
                    row.put("audio_sha256", rs.getString("audio_sha256"));
                    row.put("created_at", Sql.instant(rs, "created_at"));
                    return row;
                }, tenantId, userId, offset, limit);
    }

    public long countCommands(String tenantId, String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM voice_command_view WHERE tenant_id = ? AND user_id = ?",
                Long.class, tenantId, userId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM voice_command_view");
        jdbc.update("DELETE FROM voice_profile_view");
    }
}
