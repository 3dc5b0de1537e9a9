package io.agentledger.command.task;

import io.agentledger.command.task.engine.TaskEngine;
import io.agentledger.command.task.workspace.TaskWorkspaces;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.Digests;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.task.TaskArtifactView;
import io.agentledger.kernel.task.TaskCommands.CreateTask;
import io.agentledger.kernel.task.TaskCommands.DeleteTaskSession;
import io.agentledger.kernel.task.TaskCommands.GiveInput;
import io.agentledger.kernel.task.TaskCommands.OpenTaskSession;
import io.agentledger.kernel.task.TaskCommands.StopTask;
import io.agentledger.kernel.task.TaskQueries.FindRunningTasks;
import io.agentledger.kernel.task.TaskQueries.FindTask;
import io.agentledger.kernel.task.TaskQueries.FindTaskArtifact;
import io.agentledger.kernel.task.TaskQueries.FindTaskSession;
import io.agentledger.kernel.task.TaskQueries.FindTaskSessionVersion;
import io.agentledger.kernel.task.TaskQueries.FindTaskVersion;
import io.agentledger.kernel.task.TaskQueries.TaskIds;
import io.agentledger.kernel.task.TaskSessionView;
import io.agentledger.kernel.task.TaskView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 002's sessions and tasks (under {@code /api/v1} and under seed 002's own {@code /api}): opening
 * and deleting a session, starting a task (carried out in the background), stopping it, giving it
 * input, and downloading what it produced.
 */
@RestController
public class TaskCommandController {

    static final int MAX_NAME = 200;
    static final int MAX_LABEL = 1000;
    static final int MAX_DESCRIPTION = 20_000;

    private final TaskService tasks;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final TaskWorkspaces workspaces;
    private final TaskEngine engine;
    private final Clock clock;

    public TaskCommandController(TaskService tasks, QueryGateway queries, ReadModelAwait readModel,
                                 TaskWorkspaces workspaces, TaskEngine engine, Clock clock) {
        this.tasks = tasks;
        this.queries = queries;
        this.readModel = readModel;
        this.workspaces = workspaces;
        this.engine = engine;
        this.clock = clock;
    }

    record SessionRequest(String name, String workingDirectory) {
    }

    @PostMapping({"/api/v1/sessions", "/api/sessions"})
    @PreAuthorize("hasAuthority('write:tasks')")
    public ResponseEntity<Map<String, Object>> open(@RequestBody SessionRequest body,
                                                    @AuthenticationPrincipal Caller caller) {
        String name = body.name() == null ? null : body.name().strip();
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.invalid("name must be 1 to " + MAX_NAME + " characters");
        }
        if (body.workingDirectory() != null && body.workingDirectory().length() > MAX_LABEL) {
            throw DomainException.invalid("working_directory must be at most " + MAX_LABEL + " characters");
        }
        String sessionId = Ids.newId(IdPrefix.TASK_SESSION, clock);
        tasks.send(new OpenTaskSession(sessionId, caller.tenantId(), caller.userId(), name,
                body.workingDirectory()));
        TaskSessionView session = readModel.readAtLeast(() -> queries.query(new FindTaskSession(sessionId,
                        caller.tenantId()), TaskSessionView.class).join(), TaskSessionView::version,
                new FindTaskSessionVersion(sessionId), 0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", sessionId);
        answer.put("name", name);
        answer.put("status", "active");
        answer.put("working_directory", body.workingDirectory());
        answer.put("created_at", session == null ? clock.instant() : session.createdAt());
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sessionId)).body(answer);
    }

    /** Stops the session's running tasks; their records and artifacts stay, the workspace folder goes. */
    @DeleteMapping({"/api/v1/sessions/{sessionId}", "/api/sessions/{sessionId}"})
    @PreAuthorize("hasAuthority('write:tasks')")
    public ResponseEntity<Void> delete(@PathVariable String sessionId, @AuthenticationPrincipal Caller caller) {
        requireSession(sessionId, caller);
        long version = tasks.send(new DeleteTaskSession(sessionId, caller.tenantId(), caller.userId()));
        TaskIds running = queries.query(new FindRunningTasks(sessionId, caller.tenantId()), TaskIds.class).join();
        for (String taskId : running.ids()) {
            tasks.stopQuietly(new StopTask(taskId, caller.tenantId(), caller.userId()));
        }
        workspaces.deleteWorkspace(caller.tenantId(), sessionId);
        readModel.awaitVersion(new FindTaskSessionVersion(sessionId), version);
        return ResponseEntity.noContent().build();
    }

    record TaskRequest(String description, String model, String provider, String runMode) {
    }

    @PostMapping({"/api/v1/sessions/{sessionId}/tasks", "/api/sessions/{sessionId}/tasks"})
    @PreAuthorize("hasAuthority('write:tasks')")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String sessionId, @RequestBody TaskRequest body,
                                                      @AuthenticationPrincipal Caller caller) {
        String description = body.description() == null ? null : body.description().strip();
        if (description == null || description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("description must be 1 to " + MAX_DESCRIPTION + " characters");
        }
        if (body.model() != null && body.model().length() > MAX_NAME) {
            throw DomainException.invalid("model must be at most " + MAX_NAME + " characters");
        }
        String provider = provider(body);
        requireSession(sessionId, caller);
        String taskId = Ids.newId(IdPrefix.TASK, clock);
        tasks.send(new CreateTask(taskId, caller.tenantId(), sessionId, caller.userId(), description, body.model(),
                provider));
        TaskView task = readModel.readAtLeast(() -> queries.query(new FindTask(taskId, caller.tenantId()),
                TaskView.class).join(), TaskView::version, new FindTaskVersion(taskId), 0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", taskId);
        answer.put("session_id", sessionId);
        answer.put("description", description);
        answer.put("status", task == null ? "running" : task.status().wireName());
        answer.put("created_at", task == null ? clock.instant() : task.createdAt());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + taskId)).body(answer);
    }

    @PostMapping({"/api/v1/tasks/{taskId}/stop", "/api/tasks/{taskId}/stop"})
    @PreAuthorize("hasAuthority('write:tasks')")
    public Map<String, Object> stop(@PathVariable String taskId, @AuthenticationPrincipal Caller caller) {
        requireTask(taskId, caller);
        long version = tasks.stop(taskId, caller);
        readModel.awaitVersion(new FindTaskVersion(taskId), version);
        return Map.of("id", taskId, "status", "stopped");
    }

    record InputRequest(String content) {
    }

    @PostMapping({"/api/v1/tasks/{taskId}/input", "/api/tasks/{taskId}/input"})
    @PreAuthorize("hasAuthority('write:tasks')")
    public Map<String, Object> input(@PathVariable String taskId, @RequestBody InputRequest body,
                                     @AuthenticationPrincipal Caller caller) {
        requireTask(taskId, caller);
        tasks.giveInput(taskId, body.content(), caller);
        return Map.of("id", taskId, "accepted", true);
    }

    /** The bytes, checked against the digest its event recorded before they are served. */
    @GetMapping({"/api/v1/tasks/{taskId}/artifacts/{artifactId}", "/api/tasks/{taskId}/artifacts/{artifactId}"})
    @PreAuthorize("hasAuthority('read:tasks')")
    public ResponseEntity<byte[]> download(@PathVariable String taskId, @PathVariable String artifactId,
                                           @AuthenticationPrincipal Caller caller) {
        TaskArtifactView artifact = queries.query(new FindTaskArtifact(taskId, artifactId, caller.tenantId()),
                TaskArtifactView.class).join();
        if (artifact == null) {
            throw DomainException.notFound("Artifact " + artifactId + " not found");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(workspaces.artifact(caller.tenantId(), taskId, artifactId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Digests.sha256(content).equals(artifact.sha256())) {
            throw DomainException.conflict("Artifact " + artifactId + " no longer matches the digest recorded when "
                    + "it was made");
        }
        String file = artifact.name().substring(artifact.name().lastIndexOf('/') + 1);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(artifact.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Artifact-SHA256", artifact.sha256())
                .body(content);
    }

    private String provider(TaskRequest body) {
        String asked = body.provider() != null ? body.provider() : body.runMode();
        if (asked == null) {
            return engine.runtimeFor(null).provider();
        }
        String configured = engine.runtimeFor(null).provider();
        if (!asked.equals("offline") && !asked.equals(configured)) {
            throw DomainException.invalid("provider " + asked + " is not configured here: this deployment runs "
                    + configured + " (LLM_PROVIDER) or offline");
        }
        return asked;
    }

    private void requireSession(String sessionId, Caller caller) {
        if (queries.query(new FindTaskSession(sessionId, caller.tenantId()), TaskSessionView.class).join() == null) {
            throw DomainException.notFound("Session " + sessionId + " not found");
        }
    }

    private void requireTask(String taskId, Caller caller) {
        if (queries.query(new FindTask(taskId, caller.tenantId()), TaskView.class).join() == null) {
            throw DomainException.notFound("Task " + taskId + " not found");
        }
    }
}
