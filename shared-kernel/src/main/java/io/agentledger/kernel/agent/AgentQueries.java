package io.agentledger.kernel.agent;

public final class AgentQueries {

    private AgentQueries() {
    }

    /** Answers the agent (archived ones too), or null when it does not exist or is another tenant's. */
    public record FindAgent(String agentId, String tenantId) {
    }

    /** Answers the version the agent read model has reached, -1 when it has none yet. */
    public record FindAgentVersion(String agentId) {
    }

    /**
     * Null filters match everything; {@code search} matches name and description. Archived agents are
     * listed only when asked for by status. {@code offset}/{@code limit} page the list.
     */
    public record ListAgents(String tenantId, AgentStatus status, String search, long offset, int limit) {
    }
}
