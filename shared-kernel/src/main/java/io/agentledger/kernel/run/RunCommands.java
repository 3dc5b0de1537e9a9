package io.agentledger.kernel.run;

import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.goal.AutonomyLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Map;

/** Commands of the Run aggregate. {@code tenantId} is the caller's: another tenant's run is not found. */
public final class RunCommands {

    public static final String GRAPH_VERSION = "1.0.0";

    private RunCommands() {
    }

    public record CreateRun(@TargetAggregateIdentifier String runId, String goalId, String tenantId, String createdBy,
                            String graphVersion, String goalText, AutonomyLevel autonomyLevel) {
    }

    // The commands below are the engine's: it drives a run through the graph with them.

    public record BeginRun(@TargetAggregateIdentifier String runId) {
    }

    public record StartNode(@TargetAggregateIdentifier String runId, String node) {
    }

    public record RecordNodeResult(@TargetAggregateIdentifier String runId, String node, Map<String, Object> result) {
    }

    public record RecordCost(@TargetAggregateIdentifier String runId, String node, String provider, String model,
                             long inputTokens, long outputTokens, int apiCalls, BigDecimal cost,
                             long executionMillis) {
    }

    public record RecordStep(@TargetAggregateIdentifier String runId, int taskIndex, String taskId, String tool,
                             String stepKey, String outcome, Map<String, Object> output) {
    }

    /** Recorded just before the tool runs, with the input it is given. */
    public record RecordToolCall(@TargetAggregateIdentifier String runId, int taskIndex, String taskId, String tool,
                                 Map<String, Object> input) {
    }

    /** Pauses the run at the executor until the approval is decided. */
    public record GateStep(@TargetAggregateIdentifier String runId, int taskIndex, String approvalId) {
    }

    public record ResolveStepApproval(@TargetAggregateIdentifier String runId, String approvalId,
                                      ApprovalDecision decision, Map<String, Object> payload, String decidedBy) {
    }

    public record CompleteRun(@TargetAggregateIdentifier String runId, String summary,
                              Map<String, String> artifacts) {
    }

    public record FailRun(@TargetAggregateIdentifier String runId, String node, String errorMessage) {
    }

    public record PauseRun(@TargetAggregateIdentifier String runId, String tenantId, String pausedBy) {
    }

    public record ResumeRun(@TargetAggregateIdentifier String runId, String tenantId, String resumedBy) {
    }

    /** A message from an operator to a waiting (paused) run; the agent reads it when the run goes on. */
    public record ProvideInput(@TargetAggregateIdentifier String runId, String tenantId, String content,
                               String providedBy) {
    }

    public record CancelRun(@TargetAggregateIdentifier String runId, String tenantId, String cancelledBy) {
    }
}
