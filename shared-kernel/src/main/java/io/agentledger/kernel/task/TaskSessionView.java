package io.agentledger.kernel.task;

import java.time.Instant;
import java.util.List;

/** {@code tasks} is filled only where one session is read. */
public record TaskSessionView(String id, String tenantId, String createdBy, String name, String status,
                              String workingDirectory, Instant createdAt, Instant updatedAt, int taskCount,
                              long version, List<TaskView> tasks) {

    public TaskSessionView withTasks(List<TaskView> sessionTasks) {
        return new TaskSessionView(id, tenantId, createdBy, name, status, workingDirectory, createdAt, updatedAt,
                taskCount, version, sessionTasks);
    }
}
