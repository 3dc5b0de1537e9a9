package io.agentledger.kernel.task;

public final class TaskQueries {

    private TaskQueries() {
    }

    public record FindTaskSession(String sessionId, String tenantId) {
    }

    public record FindTaskSessionVersion(String sessionId) {
    }

    public record FindTask(String taskId, String tenantId) {
    }

    public record FindTaskVersion(String taskId) {
    }

    public record FindTaskArtifact(String taskId, String artifactId, String tenantId) {
    }

    /** Answers {@link TaskIds}: the session's tasks still running. */
    public record FindRunningTasks(String sessionId, String tenantId) {
    }

    public record TaskIds(java.util.List<String> ids) {
    }
}
