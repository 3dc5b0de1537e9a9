package io.agentledger.command.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.kernel.system.SettingsSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A tenant's current value of a setting, as the last committed modification left it: live, no restart. */
@Component
public class SystemSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public SystemSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Object get(String tenantId, String key) {
        return jdbc.queryForList("SELECT value::text FROM system_setting WHERE tenant_id = ? AND key = ?",
                String.class, tenantId, key).stream().findFirst().map(SystemSettings::read)
                .orElseGet(() -> SettingsSchema.defaults().get(key));
    }

    public String text(String tenantId, String key) {
        return String.valueOf(get(tenantId, key));
    }

    private static Object read(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt setting", e);
        }
    }
}
