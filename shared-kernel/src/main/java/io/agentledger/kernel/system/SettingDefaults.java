package io.agentledger.kernel.system;

import io.agentledger.kernel.error.DomainException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of each setting where neither the tenant nor the platform set one: the schema's default,
 * unless the deployment configures another ({@code agentledger.settings.defaults[<key>]}).
 */
public final class SettingDefaults {

    private final Map<String, Object> values;

    private SettingDefaults(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** @throws IllegalArgumentException naming the first configured key that is unknown or invalid */
    public static SettingDefaults configured(Map<String, String> configured) {
        Map<String, Object> values = new LinkedHashMap<>(SettingsSchema.defaults());
        configured.forEach((key, text) -> {
            try {
                values.put(key, SettingsSchema.parse(key, text));
            } catch (DomainException e) {
                throw new IllegalArgumentException("agentledger.settings.defaults: "
                        + e.getMessage().replaceFirst("^changes\\.", ""), e);
            }
        });
        return new SettingDefaults(values);
    }

    /** In schema order, unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }
}
