package io.agentledger.kernel.agent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

public final class ExecutionCommands {

    private ExecutionCommands() {
    }

    public record RequestExecution(@TargetAggregateIdentifier String executionId, String tenantId, String agentId,
                                   String versionId, String entrypoint, String requestedBy, Map<String, Object> input,
                                   Map<String, Object> command, long timeoutMs) {
    }

    /** Answers an {@link ExecutionStart}. */
    public record StartExecution(@TargetAggregateIdentifier String executionId, String worker) {
    }

    /**
     * {@link Start#RUN} when the execution was pending (with what to run), {@link Start#INTERRUPTED} when
     * it had started before (its worker died: it is failed, never run twice), {@link Start#ENDED} otherwise.
     */
    public record ExecutionStart(Start outcome, String versionId, String entrypoint, Map<String, Object> input,
                                 Map<String, Object> command, long timeoutMs) {

        public static ExecutionStart not(Start outcome) {
            return new ExecutionStart(outcome, null, null, null, null, 0);
        }
    }

    public enum Start { RUN, INTERRUPTED, ENDED }

    public record CompleteExecution(@TargetAggregateIdentifier String executionId, Object output, long durationMs,
                                    List<AgentLogLine> log) {
    }

    public record FailExecution(@TargetAggregateIdentifier String executionId, String error, boolean timedOut,
                                long durationMs, List<AgentLogLine> log) {
    }

    /** {@code tenantId} is the caller's. Answers the execution's status after the command. */
    public record CancelExecution(@TargetAggregateIdentifier String executionId, String tenantId,
                                  String cancelledBy) {
    }
}
