package io.agentledger.kernel.task;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/**
 * Every event of a seed 002 task: what was asked, each turn of the runtime, each tool call with its
 * result, each file it produced (as a digest: the bytes are stored beside the events), and how it ended.
 */
public sealed interface TaskEvent permits TaskEvent.TaskCreated, TaskEvent.TaskStarted, TaskEvent.TaskPlanned,
        TaskEvent.TaskTurnTaken, TaskEvent.TaskToolCalled, TaskEvent.TaskToolReturned, TaskEvent.TaskArtifactStored,
        TaskEvent.TaskInputGiven, TaskEvent.TaskCompleted, TaskEvent.TaskFailed, TaskEvent.TaskStopped {

    String taskId();

    String tenantId();

    @Revision("1")
    record TaskCreated(String taskId, String tenantId, String sessionId, String createdBy, String description,
                       String model, String provider) implements TaskEvent {
    }

    @Revision("1")
    record TaskStarted(String taskId, String tenantId, String worker) implements TaskEvent {
    }

    /** The plan as it stands now (it may grow as the task goes). */
    @Revision("1")
    record TaskPlanned(String taskId, String tenantId, List<TaskStep> steps) implements TaskEvent {
    }

    /** One answer of the runtime: {@code text} is what it said (streamed to clients as {@code token}). */
    @Revision("1")
    record TaskTurnTaken(String taskId, String tenantId, int iteration, String text, String provider, String model,
                         long inputTokens, long outputTokens) implements TaskEvent {
    }

    @Revision("1")
    record TaskToolCalled(String taskId, String tenantId, String stepId, String tool, Map<String, Object> input)
            implements TaskEvent {
    }

    @Revision("1")
    record TaskToolReturned(String taskId, String tenantId, String stepId, String tool, String output,
                            boolean success, long durationMs) implements TaskEvent {
    }

    @Revision("1")
    record TaskArtifactStored(String taskId, String tenantId, String artifactId, String stepId, String name,
                              String type, String contentType, long size, String sha256) implements TaskEvent {
    }

    @Revision("1")
    record TaskInputGiven(String taskId, String tenantId, String content, String givenBy) implements TaskEvent {
    }

    @Revision("1")
    record TaskCompleted(String taskId, String tenantId, String summary, int iterations) implements TaskEvent {
    }

    /** {@code code} is seed 002's error code ({@code MAX_ITERATIONS_REACHED}, say). */
    @Revision("1")
    record TaskFailed(String taskId, String tenantId, String error, String code) implements TaskEvent {
    }

    @Revision("1")
    record TaskStopped(String taskId, String tenantId, String stoppedBy) implements TaskEvent {
    }
}
