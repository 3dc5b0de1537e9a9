package io.agentledger.kernel.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

public enum Role {
    @JsonProperty("admin")
    ADMIN(List.of(Permission.READ_GOALS, Permission.WRITE_GOALS, Permission.READ_RUNS, Permission.WRITE_RUNS,
            Permission.READ_APPROVALS, Permission.WRITE_APPROVALS, Permission.READ_AUDIT, Permission.MANAGE_USERS,
            Permission.MANAGE_API_KEYS, Permission.MANAGE_CREDENTIALS, Permission.MANAGE_SYSTEM,
            Permission.READ_SYSTEM, Permission.READ_MEMORY, Permission.WRITE_MEMORY, Permission.READ_PRIVATE_MEMORY,
            Permission.READ_CONFIDENTIAL_MEMORY, Permission.READ_AGENTS, Permission.WRITE_AGENTS, Permission.READ_WORKFLOWS,
            Permission.WRITE_WORKFLOWS, Permission.READ_TASKS, Permission.WRITE_TASKS, Permission.READ_AUTOMATIONS,
            Permission.WRITE_AUTOMATIONS)),
    @JsonProperty("user")
    USER(List.of(Permission.READ_GOALS, Permission.WRITE_GOALS, Permission.READ_RUNS, Permission.WRITE_RUNS,
            Permission.READ_APPROVALS, Permission.WRITE_APPROVALS, Permission.MANAGE_API_KEYS,
            Permission.MANAGE_CREDENTIALS, Permission.READ_MEMORY, Permission.WRITE_MEMORY,
            Permission.READ_PRIVATE_MEMORY, Permission.READ_AGENTS, Permission.WRITE_AGENTS, Permission.READ_WORKFLOWS,
            Permission.WRITE_WORKFLOWS, Permission.READ_TASKS, Permission.WRITE_TASKS, Permission.READ_AUTOMATIONS,
            Permission.WRITE_AUTOMATIONS)),
    @JsonProperty("auditor")
    AUDITOR(List.of(Permission.READ_GOALS, Permission.READ_RUNS, Permission.READ_APPROVALS, Permission.READ_AUDIT,
            Permission.MANAGE_API_KEYS, Permission.READ_SYSTEM, Permission.READ_MEMORY, Permission.READ_AGENTS,
            Permission.READ_WORKFLOWS, Permission.READ_TASKS, Permission.READ_AUTOMATIONS));

    private final List<String> permissions;

    Role(List<String> permissions) {
        this.permissions = permissions;
    }

    public List<String> permissions() {
        return permissions;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
