package io.agentledger.kernel.run;

import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.goal.AutonomyLevel;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Map;

/** Every event of the Run aggregate: each transition and each node step is one. */
public sealed interface RunEvent permits RunEvent.RunCreated, RunEvent.RunStarted, RunEvent.NodeStarted,
        RunEvent.NodeCompleted, RunEvent.NodeFailed, RunEvent.CheckpointRecorded, RunEvent.ArtifactProduced,
        RunEvent.CostRecorded, RunEvent.RunPaused, RunEvent.RunResumed, RunEvent.RunCompleted, RunEvent.RunFailed,
        RunEvent.RunCancelled, RunEvent.StepCompleted, RunEvent.StepGated, RunEvent.StepApprovalResolved,
        RunEvent.ToolCalled, RunEvent.InputProvided {

    String runId();

    String tenantId();

    /** Carries what the run was asked: the goal's text and autonomy level when it was started. */
    @Revision("1")
    record RunCreated(String runId, String goalId, String tenantId, String createdBy, String graphVersion,
                      RunStatus status, String goalText, AutonomyLevel autonomyLevel) implements RunEvent {
    }

    /**
     * One task of the plan, done by the executor: {@code outcome} is {@code executed} or {@code skipped}
     * (its approval was rejected); {@code stepKey} is the idempotency key the tool ran under.
     */
    @Revision("1")
    record StepCompleted(String runId, String tenantId, int taskIndex, String taskId, String tool, String stepKey,
                         String outcome, Map<String, Object> output) implements RunEvent {
    }

    /** The executor hands a task's tool its input; {@link StepCompleted} follows with the result. */
    @Revision("1")
    record ToolCalled(String runId, String tenantId, int taskIndex, String taskId, String tool,
                      Map<String, Object> input) implements RunEvent {
    }

    /** An operator's message to the run while it waited; planner and summarizer read it. */
    @Revision("1")
    record InputProvided(String runId, String tenantId, String content, String providedBy) implements RunEvent {
    }

    /** A task waits for a human: the run pauses until {@code approvalId} is decided or expires. */
    @Revision("1")
    record StepGated(String runId, String tenantId, int taskIndex, String approvalId) implements RunEvent {
    }

    /** The decision on the approval gating a task, as the run will apply it. */
    @Revision("1")
    record StepApprovalResolved(String runId, String tenantId, int taskIndex, String approvalId,
                                ApprovalDecision decision, Map<String, Object> payload) implements RunEvent {
    }

    @Revision("1")
    record RunStarted(String runId, String tenantId, String goalId) implements RunEvent {
    }

    @Revision("1")
    record NodeStarted(String runId, String tenantId, String node) implements RunEvent {
    }

    @Revision("1")
    record NodeCompleted(String runId, String tenantId, String node) implements RunEvent {
    }

    @Revision("1")
    record NodeFailed(String runId, String tenantId, String node, String errorMessage) implements RunEvent {
    }

    /** A node's outcome, what a reader and a restarted engine need to know of it. */
    @Revision("1")
    record CheckpointRecorded(String runId, String tenantId, String node, String status, Map<String, Object> result)
            implements RunEvent {
    }

    @Revision("1")
    record ArtifactProduced(String runId, String tenantId, String name, String value) implements RunEvent {
    }

    /** {@code executionMillis} is the wall time the node spent on this call. */
    @Revision("1")
    record CostRecorded(String runId, String tenantId, String node, String provider, String model, long inputTokens,
                        long outputTokens, int apiCalls, BigDecimal cost, long executionMillis) implements RunEvent {
    }

    /** {@code reason}: {@code user} when someone paused it, {@code approval} when it waits at a gate. */
    @Revision("1")
    record RunPaused(String runId, String tenantId, String reason, String node, String pausedBy) implements RunEvent {
    }

    /** {@code status}: what the run returns to, {@code pending} if it was paused before it started. */
    @Revision("1")
    record RunResumed(String runId, String tenantId, String resumedBy, RunStatus status) implements RunEvent {
    }

    @Revision("1")
    record RunCompleted(String runId, String tenantId, String goalId, String summary) implements RunEvent {
    }

    @Revision("1")
    record RunFailed(String runId, String tenantId, String goalId, String node, String errorMessage)
            implements RunEvent {
    }

    @Revision("1")
    record RunCancelled(String runId, String tenantId, String goalId, String cancelledBy) implements RunEvent {
    }
}
