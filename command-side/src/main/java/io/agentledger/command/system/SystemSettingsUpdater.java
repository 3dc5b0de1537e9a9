package io.agentledger.command.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code system_setting} in the transaction of each modification (subscribing processor). */
@Component
@ProcessingGroup(SystemSettingsUpdater.GROUP)
public class SystemSettingsUpdater {

    public static final String GROUP = "system-settings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public SystemSettingsUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SystemModified event) throws JsonProcessingException {
        for (var change : event.changes().entrySet()) {
            jdbc.update("INSERT INTO system_setting (tenant_id, key, value) VALUES (?, ?, CAST(? AS jsonb)) "
                    + "ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value", event.tenantId(),
                    change.getKey(), JSON.writeValueAsString(change.getValue().after()));
        }
    }
}
