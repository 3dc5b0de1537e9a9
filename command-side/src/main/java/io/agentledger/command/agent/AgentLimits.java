package io.agentledger.command.agent;

final class AgentLimits {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CONFIG_ENTRIES = 50;
    static final int MAX_CONFIG_BYTES = 32 * 1024;

    private AgentLimits() {
    }
}
