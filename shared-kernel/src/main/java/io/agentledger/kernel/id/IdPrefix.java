package io.agentledger.kernel.id;

public enum IdPrefix {
    TENANT("tenant"),
    USER("user"),
    GOAL("goal"),
    RUN("run"),
    SESSION("sess"),
    TOKEN("tok"),
    API_KEY("key"),
    INVITATION("inv"),
    APPROVAL("appr"),
    CREDENTIAL("cred"),
    AUTHENTICATOR("authn"),
    CONNECTOR("conn"),
    SYNC("sync"),
    MODIFICATION("mod"),
    DOCUMENT("doc"),
    EPISODE("ep"),
    ENTITY("ent"),
    AGENT_MEMORY("mem"),
    AGENT("agent"),
    AGENT_VERSION("agv"),
    EXECUTION("exec"),
    WORKFLOW("wf"),
    WORKFLOW_EXECUTION("wfx"),
    MCP_SERVER("srv"),
    TASK_SESSION("tses"),
    TASK("task"),
    TASK_ARTIFACT("art"),
    AUTOMATION("auto"),
    AUTOMATION_FIRING("fire"),
    VOICE_COMMAND("vcmd"),
    REQUEST("req");

    private final String value;

    IdPrefix(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
