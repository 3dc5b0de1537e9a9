package io.agentledger.kernel.agent;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** Every event of an agent's execution: what ran, with which input, and how it ended. */
public sealed interface ExecutionEvent permits ExecutionEvent.ExecutionRequested, ExecutionEvent.ExecutionStarted,
        ExecutionEvent.ExecutionCompleted, ExecutionEvent.ExecutionFailed, ExecutionEvent.ExecutionCancelled {

    String executionId();

    String tenantId();

    String agentId();

    /**
     * {@code versionId} is the package version that runs ({@code entrypoint} the function called), null for an agent without a package (it runs
     * on the agent runtime with its config as instructions); {@code command} is seed 003's command.
     */
    @Revision("1")
    record ExecutionRequested(String executionId, String tenantId, String agentId, String versionId,
                              String entrypoint, String requestedBy, Map<String, Object> input, Map<String, Object> command,
                              long timeoutMs) implements ExecutionEvent {
    }

    @Revision("1")
    record ExecutionStarted(String executionId, String tenantId, String agentId, String worker)
            implements ExecutionEvent {
    }

    @Revision("1")
    record ExecutionCompleted(String executionId, String tenantId, String agentId, Object output, long durationMs,
                              List<AgentLogLine> log) implements ExecutionEvent {
    }

    @Revision("1")
    record ExecutionFailed(String executionId, String tenantId, String agentId, String error, boolean timedOut,
                           long durationMs, List<AgentLogLine> log) implements ExecutionEvent {
    }

    @Revision("1")
    record ExecutionCancelled(String executionId, String tenantId, String agentId, String cancelledBy,
                              List<AgentLogLine> log) implements ExecutionEvent {
    }
}
