package io.agentledger.kernel.system;

import io.agentledger.kernel.error.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every setting a tenant's configuration has, with its type, bounds and default. */
public final class SettingsSchema {

    public static final String DEFAULT_AUTONOMY_LEVEL = "goals.default_autonomy_level";
    public static final String APPROVAL_DEADLINE = "approvals.deadline_default";
    public static final String APPROVAL_COST_THRESHOLD = "approvals.cost_threshold";
    public static final String DAILY_COST_LIMIT = "cost.daily_limit";
    public static final String CONNECTORS_ENABLED = "features.connectors";
    public static final String MAX_PLANNED_STEPS = "agents.max_steps";
    public static final String MAX_ACTIVE_RUNS = "workflows.max_parallel_runs";

    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    static {
        List.of(
                Setting.choice(DEFAULT_AUTONOMY_LEVEL, "Autonomy level of goals created without one", "L2",
                        "L0", "L1", "L2", "L3"),
                Setting.duration(APPROVAL_DEADLINE, "How long an approval waits for a decision", "PT24H", "PT5S",
                        "P30D"),
                Setting.decimal(APPROVAL_COST_THRESHOLD, "Estimated cost of an action above which L2 asks first",
                        "1.00", "0", "1000000"),
                Setting.decimal(DAILY_COST_LIMIT, "AI spend per day (UTC) after which new runs are refused", "100",
                        "0", "1000000"),
                Setting.integer(RateLimitClass.AUTHENTICATION.settingKey(), "Authentication requests per minute",
                        10, 1, 1_000_000),
                Setting.integer(RateLimitClass.READ.settingKey(), "Read requests per minute", 600, 1, 1_000_000),
                Setting.integer(RateLimitClass.WRITE.settingKey(), "Write requests per minute", 120, 1, 1_000_000),
                Setting.integer(RateLimitClass.AI_INTENSIVE.settingKey(), "AI-intensive requests per minute", 20, 1,
                        1_000_000),
                Setting.flag(CONNECTORS_ENABLED, "New connectors may be added", true),
                Setting.integer(MAX_PLANNED_STEPS, "Most tool steps one run may plan", 20, 1, 200),
                Setting.integer(MAX_ACTIVE_RUNS, "Runs of one tenant pending, running or paused at a time", 4, 1,
                        1000)
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

    /** A configured (deployment) value given as text, parsed to the setting's type and validated. */
    public static Object parse(String key, String text) {
        Setting setting = SETTINGS.get(key);
        if (setting == null) {
            throw DomainException.invalid(key + ": no such setting");
        }
        return setting.validate(setting.parse(text));
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
