package io.agentledger.kernel.agent;

public final class ExecutionQueries {

    private ExecutionQueries() {
    }

    /** Answers the execution, or null when it does not exist or is another tenant's. */
    public record FindExecution(String executionId, String tenantId) {
    }

    public record FindExecutionVersion(String executionId) {
    }

    /** Null filters match everything. */
    public record ListExecutions(String tenantId, String agentId, String agentVersionId, ExecutionStatus status,
                                 long offset, int limit) {
    }

    /** The agent's newest version whose build succeeded, or the one named; null when there is none. */
    public record FindRunnableVersion(String agentId, String tenantId, String versionLabelOrId) {
    }
}
