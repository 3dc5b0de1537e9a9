package io.agentledger.kernel.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Run aggregate. {@code tenantId} is the caller's: another tenant's run is not found. */
public final class RunCommands {

    public static final String GRAPH_VERSION = "1.0.0";

    private RunCommands() {
    }

    public record CreateRun(@TargetAggregateIdentifier String runId, String goalId, String tenantId, String createdBy,
                            String graphVersion) {
    }

    public record PauseRun(@TargetAggregateIdentifier String runId, String tenantId, String pausedBy) {
    }

    public record ResumeRun(@TargetAggregateIdentifier String runId, String tenantId, String resumedBy) {
    }

    public record CancelRun(@TargetAggregateIdentifier String runId, String tenantId, String cancelledBy) {
    }
}
