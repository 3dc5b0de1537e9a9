package io.agentledger.kernel.system;

import io.agentledger.kernel.error.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every setting a tenant's configuration has, with its type, bounds and default. */
public final class SettingsSchema {

    public static final String DEFAULT_AUTONOMY_LEVEL = "goals.default_autonomy_level";

    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    static {
        List.of(
                Setting.choice("llm.default_provider", "Provider new runs use", "offline",
                        "offline", "openai", "azure", "anthropic", "ollama"),
                Setting.text("llm.default_model", "Model new runs use", "default", 100),
                Setting.choice(DEFAULT_AUTONOMY_LEVEL, "Autonomy level of goals created without one", "L2",
                        "L0", "L1", "L2", "L3"),
                Setting.duration("approvals.deadline_default", "How long an approval waits", "PT24H", "PT1M", "P30D"),
                Setting.decimal("approvals.cost_threshold", "Estimated cost above which L2 asks first", "1.00", "0",
                        "1000000"),
                Setting.decimal("cost.daily_limit", "AI spend per day before runs stop", "100", "0", "1000000"),
                Setting.integer("rate_limits.authentication", "Authentication requests per minute", 10, 1, 100_000),
                Setting.integer("rate_limits.read", "Read requests per minute", 600, 1, 100_000),
                Setting.integer("rate_limits.write", "Write requests per minute", 120, 1, 100_000),
                Setting.integer("rate_limits.ai_intensive", "AI-intensive requests per minute", 20, 1, 100_000),
                Setting.flag("features.connectors", "Connectors may be added", true),
                Setting.flag("features.memory_search", "Memory search is offered", true),
                Setting.integer("agents.max_steps", "Most tool steps one run may take", 20, 1, 200),
                Setting.integer("workflows.max_parallel_runs", "Runs of one tenant at a time", 4, 1, 100)
        ).forEach(setting -> SETTINGS.put(setting.key(), setting));
    }

    private static final Map<String, Object> DEFAULTS;

    static {
        Map<String, Object> defaults = new LinkedHashMap<>();
        SETTINGS.values().forEach(setting -> defaults.put(setting.key(), setting.defaultValue()));
        DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    private SettingsSchema() {
    }

    public static Map<String, Setting> all() {
        return Map.copyOf(SETTINGS);
    }

    public static List<Setting> ordered() {
        return List.copyOf(SETTINGS.values());
    }

    /** In schema order, unmodifiable. */
    public static Map<String, Object> defaults() {
        return DEFAULTS;
    }

    /** Each change validated and canonical; an unknown key or a bad value is a 422 naming the key. */
    public static Map<String, Object> validate(Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            throw DomainException.invalid("changes: give at least one setting");
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        changes.forEach((key, value) -> {
            Setting setting = SETTINGS.get(key);
            if (setting == null) {
                throw DomainException.invalid("changes." + key + ": no such setting");
            }
            valid.put(key, setting.validate(value));
        });
        return valid;
    }

    /** Equal as settings: numbers by value, whatever their Java type after a round trip through JSON. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return java.util.Objects.equals(a, b);
    }
}
