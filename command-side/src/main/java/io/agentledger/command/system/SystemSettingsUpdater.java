package io.agentledger.command.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code system_setting} (the keys set, not inherited ones) in the transaction of each
 * modification (subscribing processor), and has {@link SystemSettings} read it afresh once committed.
 */
@Component
@ProcessingGroup(SystemSettingsUpdater.GROUP)
public class SystemSettingsUpdater {

    public static final String GROUP = "system-settings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final SystemSettings settings;

    public SystemSettingsUpdater(JdbcTemplate jdbc, SystemSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventHandler
    void on(SystemModified event) throws JsonProcessingException {
        for (var change : event.changes().entrySet()) {
            if (change.getValue().after() == null) {
                jdbc.update("DELETE FROM system_setting WHERE tenant_id = ? AND key = ?", event.tenantId(),
                        change.getKey());
            } else {
                jdbc.update("INSERT INTO system_setting (tenant_id, key, value) VALUES (?, ?, CAST(? AS jsonb)) "
                        + "ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value", event.tenantId(),
                        change.getKey(), JSON.writeValueAsString(change.getValue().after()));
            }
        }
        settings.forget(event.tenantId());
        settings.tellOtherNodes(event.tenantId());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    settings.forget(event.tenantId());
                }
            });
        }
    }
}
