package io.agentledger.kernel.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class RunCommands {

    public static final String GRAPH_VERSION = "1.0.0";

    private RunCommands() {
    }

    public record CreateRun(@TargetAggregateIdentifier String runId, String goalId, String tenantId, String createdBy,
                            String graphVersion) {
    }
}
