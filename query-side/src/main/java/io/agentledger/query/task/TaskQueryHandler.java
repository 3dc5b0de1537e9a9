package io.agentledger.query.task;

import io.agentledger.kernel.task.TaskArtifactView;
import io.agentledger.kernel.task.TaskQueries.FindRunningTasks;
import io.agentledger.kernel.task.TaskQueries.FindTask;
import io.agentledger.kernel.task.TaskQueries.FindTaskArtifact;
import io.agentledger.kernel.task.TaskQueries.FindTaskSession;
import io.agentledger.kernel.task.TaskQueries.FindTaskSessionVersion;
import io.agentledger.kernel.task.TaskQueries.FindTaskVersion;
import io.agentledger.kernel.task.TaskQueries.TaskIds;
import io.agentledger.kernel.task.TaskSessionView;
import io.agentledger.kernel.task.TaskView;
import io.agentledger.projection.task.TaskRepository;
import io.agentledger.projection.task.TaskSessionRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class TaskQueryHandler {

    private final TaskSessionRepository sessions;
    private final TaskRepository tasks;

    public TaskQueryHandler(TaskSessionRepository sessions, TaskRepository tasks) {
        this.sessions = sessions;
        this.tasks = tasks;
    }

    @QueryHandler
    public TaskSessionView handle(FindTaskSession query) {
        return sessions.find(query.sessionId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindTaskSessionVersion query) {
        return sessions.version(query.sessionId());
    }

    @QueryHandler
    public TaskView handle(FindTask query) {
        return tasks.find(query.taskId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindTaskVersion query) {
        return tasks.version(query.taskId());
    }

    @QueryHandler
    public TaskArtifactView handle(FindTaskArtifact query) {
        return tasks.artifact(query.taskId(), query.artifactId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public TaskIds handle(FindRunningTasks query) {
        return new TaskIds(tasks.running(query.sessionId(), query.tenantId()));
    }
}
