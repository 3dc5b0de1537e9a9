package io.agentledger.query.task;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.task.TaskSessionView;
import io.agentledger.kernel.task.TaskView;
import io.agentledger.projection.task.TaskRepository;
import io.agentledger.projection.task.TaskSessionRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Seed 002's sessions and tasks, under {@code /api/v1} and under seed 002's own {@code /api}. */
@RestController
@PreAuthorize("hasAuthority('read:tasks')")
public class TaskQueryController {

    static final int MAX_LIMIT = 500;

    private final TaskSessionRepository sessions;
    private final TaskRepository tasks;

    public TaskQueryController(TaskSessionRepository sessions, TaskRepository tasks) {
        this.sessions = sessions;
        this.tasks = tasks;
    }

    @GetMapping({"/api/v1/sessions", "/api/sessions"})
    public List<Map<String, Object>> sessions(@RequestParam(defaultValue = "0") long skip,
                                              @RequestParam(defaultValue = "100") int limit,
                                              @AuthenticationPrincipal Caller caller) {
        checkPage(skip, limit);
        return sessions.list(caller.tenantId(), skip, limit).stream().map(TaskShapes::session).toList();
    }

    @GetMapping({"/api/v1/sessions/{sessionId}", "/api/sessions/{sessionId}"})
    public Map<String, Object> session(@PathVariable String sessionId, @AuthenticationPrincipal Caller caller) {
        TaskSessionView session = requireSession(sessionId, caller);
        return TaskShapes.session(session.withTasks(tasks.ofSession(sessionId, caller.tenantId(), 0, MAX_LIMIT)));
    }

    @GetMapping({"/api/v1/sessions/{sessionId}/tasks", "/api/sessions/{sessionId}/tasks"})
    public List<Map<String, Object>> tasks(@PathVariable String sessionId,
                                           @RequestParam(defaultValue = "0") long skip,
                                           @RequestParam(defaultValue = "100") int limit,
                                           @AuthenticationPrincipal Caller caller) {
        checkPage(skip, limit);
        requireSession(sessionId, caller);
        return tasks.ofSession(sessionId, caller.tenantId(), skip, limit).stream().map(TaskShapes::taskInList)
                .toList();
    }

    @GetMapping({"/api/v1/tasks/{taskId}", "/api/tasks/{taskId}"})
    public Map<String, Object> task(@PathVariable String taskId, @AuthenticationPrincipal Caller caller) {
        return TaskShapes.task(requireTask(taskId, caller));
    }

    @GetMapping({"/api/v1/tasks/{taskId}/artifacts", "/api/tasks/{taskId}/artifacts"})
    public List<Map<String, Object>> artifacts(@PathVariable String taskId, @AuthenticationPrincipal Caller caller) {
        requireTask(taskId, caller);
        return tasks.artifacts(taskId, caller.tenantId()).stream().map(TaskShapes::artifact).toList();
    }

    private TaskSessionView requireSession(String sessionId, Caller caller) {
        return sessions.find(sessionId, caller.tenantId())
                .orElseThrow(() -> DomainException.notFound("Session " + sessionId + " not found"));
    }

    private TaskView requireTask(String taskId, Caller caller) {
        return tasks.find(taskId, caller.tenantId())
                .orElseThrow(() -> DomainException.notFound("Task " + taskId + " not found"));
    }

    private static void checkPage(long skip, int limit) {
        if (skip < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("skip must be 0 or more and limit 1 to " + MAX_LIMIT);
        }
    }
}
