package io.agentledger.kernel.run;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Map;

/** Every event of the Run aggregate: each transition and each node step is one. */
public sealed interface RunEvent permits RunEvent.RunCreated, RunEvent.RunStarted, RunEvent.NodeStarted,
        RunEvent.NodeCompleted, RunEvent.NodeFailed, RunEvent.CheckpointRecorded, RunEvent.ArtifactProduced,
        RunEvent.CostRecorded, RunEvent.RunPaused, RunEvent.RunResumed, RunEvent.RunCompleted, RunEvent.RunFailed,
        RunEvent.RunCancelled {

    String runId();

    String tenantId();

    @Revision("1")
    record RunCreated(String runId, String goalId, String tenantId, String createdBy, String graphVersion,
                      RunStatus status) implements RunEvent {
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
