package io.agentledger.command.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.agentledger.axon.cluster.ClusterSignals;
import io.agentledger.kernel.system.SettingDefaults;
import io.agentledger.kernel.system.SystemCommands;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The setting in effect for a tenant: its own value, else the platform's, else the deployment default.
 * Live: a modification committed on this node is seen by the next read; other nodes forget the
 * tenant's settings when its cluster signal, sent in the modification's transaction, reaches them.
 * {@code agentledger.settings.cache-ttl} is only a safety net.
 */
@Component
public class SystemSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final SettingDefaults defaults;
    private final LoadingCache<String, Map<String, Object>> overrides;
    private final ClusterSignals signals;

    public SystemSettings(JdbcTemplate jdbc, SettingDefaults defaults, ClusterSignals signals,
                          @Value("${agentledger.settings.cache-ttl:PT10M}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.signals = signals;
        this.overrides = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(cacheTtl).build(this::load);
        signals.on("settings", overrides::invalidate);
        signals.onResync(overrides::invalidateAll);
    }

    public Object get(String tenantId, String key) {
        Object own = tenantId == null ? null : overrides.get(tenantId).get(key);
        if (own != null) {
            return own;
        }
        Object platform = overrides.get(SystemCommands.PLATFORM).get(key);
        return platform != null ? platform : defaults.get(key);
    }

    public String text(String tenantId, String key) {
        return String.valueOf(get(tenantId, key));
    }

    public long integer(String tenantId, String key) {
        return ((Number) get(tenantId, key)).longValue();
    }

    public BigDecimal decimal(String tenantId, String key) {
        return new BigDecimal(get(tenantId, key).toString());
    }

    public Duration duration(String tenantId, String key) {
        return Duration.parse(text(tenantId, key));
    }

    public boolean flag(String tenantId, String key) {
        return Boolean.TRUE.equals(get(tenantId, key));
    }

    /** After a change of {@code tenantId}'s settings (or the platform's) is committed. */
    void forget(String tenantId) {
        overrides.invalidate(tenantId);
    }

    /** In the modification's transaction: every node forgets the tenant's settings once it commits. */
    void tellOtherNodes(String tenantId) {
        signals.send("settings", tenantId);
    }

    private Map<String, Object> load(String tenantId) {
        Map<String, Object> values = new HashMap<>();
        jdbc.query("SELECT key, value::text FROM system_setting WHERE tenant_id = ?",
                row -> { values.put(row.getString(1), read(row.getString(2))); }, tenantId);
        return values;
    }

    private static Object read(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt setting", e);
        }
    }
}
