package io.agentledger.kernel.run;

import io.agentledger.kernel.page.PageSpec;

public final class RunQueries {

    private RunQueries() {
    }

    /** Answers the run, or null when it does not exist or belongs to another tenant. */
    public record FindRun(String runId, String tenantId) {
    }

    /** The version of the run the read model has reached, -1 when it has none yet. */
    public record FindRunVersion(String runId) {
    }

    /** Null filters match everything. */
    public record ListRuns(String tenantId, RunStatus status, String goalId, String createdBy, PageSpec pageSpec) {
    }

    /** What the tenant's runs cost on {@code day} (UTC), as a {@link java.math.BigDecimal}. */
    public record AiSpendOn(String tenantId, java.time.LocalDate day) {
    }
}
