package io.agentledger.kernel.identity;

public final class Permission {
    public static final String READ_GOALS = "read:goals";
    public static final String WRITE_GOALS = "write:goals";
    public static final String READ_RUNS = "read:runs";
    public static final String WRITE_RUNS = "write:runs";
    public static final String READ_APPROVALS = "read:approvals";
    public static final String WRITE_APPROVALS = "write:approvals";
    public static final String READ_AUDIT = "read:audit";
    public static final String MANAGE_USERS = "manage:users";
    public static final String MANAGE_API_KEYS = "manage:api_keys";
    public static final String MANAGE_CREDENTIALS = "manage:credentials";
    public static final String MANAGE_SYSTEM = "manage:system";
    public static final String READ_SYSTEM = "read:system";
    public static final String READ_AGENTS = "read:agents";
    public static final String WRITE_AGENTS = "write:agents";
    public static final String READ_WORKFLOWS = "read:workflows";
    public static final String WRITE_WORKFLOWS = "write:workflows";
    public static final String READ_TASKS = "read:tasks";
    public static final String WRITE_TASKS = "write:tasks";
    public static final String READ_AUTOMATIONS = "read:automations";
    public static final String WRITE_AUTOMATIONS = "write:automations";
    public static final String READ_MEMORY = "read:memory";
    public static final String WRITE_MEMORY = "write:memory";
    /** Sees memory marked private by others. */
    public static final String READ_PRIVATE_MEMORY = "read:memory:private";
    /** Sees memory marked confidential by others. */
    public static final String READ_CONFIDENTIAL_MEMORY = "read:memory:confidential";

    private Permission() {
    }
}
