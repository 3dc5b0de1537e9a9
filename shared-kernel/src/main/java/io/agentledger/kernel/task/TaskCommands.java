package io.agentledger.kernel.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

public final class TaskCommands {

    private TaskCommands() {
    }

    public record OpenTaskSession(@TargetAggregateIdentifier String sessionId, String tenantId, String openedBy,
                                  String name, String workingDirectory) {
    }

    public record DeleteTaskSession(@TargetAggregateIdentifier String sessionId, String tenantId, String deletedBy) {
    }

    public record CreateTask(@TargetAggregateIdentifier String taskId, String tenantId, String sessionId,
                             String createdBy, String description, String model, String provider) {
    }

    /** Answers {@link TaskStart}. */
    public record StartTask(@TargetAggregateIdentifier String taskId, String worker) {
    }

    public enum TaskStart { RUN, INTERRUPTED, ENDED }

    /** A runtime's turn; {@code plan} is recorded when it differs from the one on record. Answers the status. */
    public record RecordTurn(@TargetAggregateIdentifier String taskId, String text, List<TaskStep> plan,
                             String provider, String model, long inputTokens, long outputTokens) {
    }

    /** Answers the status: a tool is called only while the task runs. */
    public record CallTool(@TargetAggregateIdentifier String taskId, String stepId, String tool,
                           Map<String, Object> input) {
    }

    /** {@code artifact} is what the call produced, if anything. */
    public record ReturnTool(@TargetAggregateIdentifier String taskId, String stepId, String tool, String output,
                             boolean success, long durationMs, StoredArtifact artifact) {
    }

    public record StoredArtifact(String artifactId, String name, String type, String contentType, long size,
                                 String sha256) {
    }

    public record GiveInput(@TargetAggregateIdentifier String taskId, String tenantId, String content,
                            String givenBy) {
    }

    /** {@code plan} is the plan as a stored artifact ({@code plan.json}). */
    public record CompleteTask(@TargetAggregateIdentifier String taskId, String summary, StoredArtifact plan) {
    }

    public record FailTask(@TargetAggregateIdentifier String taskId, String error, String code) {
    }

    /** {@code tenantId} is the caller's; answers the status after the command. */
    public record StopTask(@TargetAggregateIdentifier String taskId, String tenantId, String stoppedBy) {
    }
}
