package io.agentledger.kernel.agent;

public final class AgentQueries {

    private AgentQueries() {
    }

    /** Answers the agent (archived ones too), or null when it does not exist or is another tenant's. */
    public record FindAgent(String agentId, String tenantId) {
    }

    /** Answers the tenant's agent with seed 003's number, or null. */
    public record FindAgentByNumber(long agentNumber, String tenantId) {
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

    /** A package version of one of the tenant's agents, or null. */
    public record FindPackageVersion(String versionId, String tenantId) {
    }

    /** The agent's package versions, newest first. */
    public record ListPackageVersions(String agentId, String tenantId) {
    }

    /** Build and runtime lines of an agent, or of one execution when {@code executionId} is set; oldest first. */
    public record FindAgentLogs(String tenantId, String agentId, String executionId, String source, int limit) {
    }

    public record FindAgentRuntimeStatus(String agentId, String tenantId) {
    }
}
