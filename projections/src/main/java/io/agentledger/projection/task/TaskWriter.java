package io.agentledger.projection.task;

import io.agentledger.kernel.task.TaskEvent;
import io.agentledger.kernel.task.TaskEvent.TaskArtifactStored;
import io.agentledger.kernel.task.TaskEvent.TaskCompleted;
import io.agentledger.kernel.task.TaskEvent.TaskCreated;
import io.agentledger.kernel.task.TaskEvent.TaskFailed;
import io.agentledger.kernel.task.TaskEvent.TaskPlanned;
import io.agentledger.kernel.task.TaskEvent.TaskStopped;
import io.agentledger.kernel.task.TaskEvent.TaskToolCalled;
import io.agentledger.kernel.task.TaskEvent.TaskToolReturned;
import io.agentledger.kernel.task.TaskEvent.TaskTurnTaken;
import io.agentledger.kernel.task.TaskQueries.FindTaskSessionVersion;
import io.agentledger.kernel.task.TaskQueries.FindTaskVersion;
import io.agentledger.kernel.task.TaskSessionEvent;
import io.agentledger.kernel.task.TaskSessionEvent.TaskSessionDeleted;
import io.agentledger.kernel.task.TaskSessionEvent.TaskSessionOpened;
import io.agentledger.kernel.task.TaskStatus;
import io.agentledger.kernel.task.TaskStep;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Applies session and task events for the inline and the tracking projection alike. */
@Component
class TaskWriter {

    private final TaskSessionRepository sessions;
    private final TaskRepository tasks;
    private final VersionAnnouncer announcer;

    TaskWriter(TaskSessionRepository sessions, TaskRepository tasks, VersionAnnouncer announcer) {
        this.sessions = sessions;
        this.tasks = tasks;
        this.announcer = announcer;
    }

    void apply(TaskSessionEvent event, long version, Instant storedAt) {
        Instant at = StoredTime.of(storedAt);
        boolean applied;
        if (event instanceof TaskSessionOpened opened) {
            applied = sessions.insert(opened, version, at);
        } else if (event instanceof TaskSessionDeleted deleted) {
            applied = sessions.delete(deleted.sessionId(), version, at);
        } else {
            throw new IllegalArgumentException("Unknown session event " + event.getClass().getName());
        }
        if (applied) {
            announcer.announce(FindTaskSessionVersion.class, FindTaskSessionVersion::sessionId, event.sessionId(),
                    version);
        }
    }

    void apply(TaskEvent event, long version, Instant storedAt) {
        Instant at = StoredTime.of(storedAt);
        if (applied(event, version, at)) {
            announcer.announce(FindTaskVersion.class, FindTaskVersion::taskId, event.taskId(), version);
        }
    }

    private boolean applied(TaskEvent event, long version, Instant at) {
        String id = event.taskId();
        if (event instanceof TaskCreated created) {
            boolean inserted = tasks.insert(created, version, at);
            if (inserted) {
                sessions.taskAdded(created.sessionId(), at);
            }
            return inserted;
        }
        if (event instanceof TaskPlanned planned) {
            return changePlan(id, version, at, plan -> replan(plan, planned.steps()));
        }
        if (event instanceof TaskToolCalled called) {
            return changePlan(id, version, at, plan -> mark(plan, called.stepId(), "in_progress",
                    describe(called.tool(), called.input())));
        }
        if (event instanceof TaskToolReturned returned) {
            return changePlan(id, version, at, plan -> mark(plan, returned.stepId(),
                    returned.success() ? "completed" : "failed", returned.tool()));
        }
        if (event instanceof TaskTurnTaken turn) {
            return tasks.iterations(id, turn.iteration(), version, at);
        }
        if (event instanceof TaskArtifactStored stored) {
            boolean advanced = tasks.advance(id, version, at);
            if (advanced) {
                tasks.artifact(stored, at);
            }
            return advanced;
        }
        if (event instanceof TaskCompleted completed) {
            return tasks.ended(id, TaskStatus.COMPLETED, completed.summary(), null, null, version, at);
        }
        if (event instanceof TaskFailed failed) {
            return tasks.ended(id, TaskStatus.FAILED, null, failed.error(), failed.code(), version, at);
        }
        if (event instanceof TaskStopped) {
            return tasks.ended(id, TaskStatus.STOPPED, null, null, null, version, at);
        }
        return tasks.advance(id, version, at);
    }

    private boolean changePlan(String taskId, long version, Instant at,
                               UnaryOperator<List<Map<String, Object>>> change) {
        return tasks.planBefore(taskId, version).map(plan -> tasks.plan(taskId, change.apply(plan), version, at))
                .orElse(false);
    }

    private static List<Map<String, Object>> replan(List<Map<String, Object>> plan, List<TaskStep> steps) {
        Map<String, Map<String, Object>> known = new LinkedHashMap<>();
        plan.forEach(step -> known.put(String.valueOf(step.get("id")), step));
        List<Map<String, Object>> next = new ArrayList<>();
        for (TaskStep step : steps) {
            Map<String, Object> before = known.remove(step.id());
            next.add(step(step.id(), step.description(), step.tool(),
                    before == null ? "pending" : String.valueOf(before.get("status"))));
        }
        next.addAll(known.values());
        return next;
    }

    private static List<Map<String, Object>> mark(List<Map<String, Object>> plan, String stepId, String status,
                                                  String description) {
        List<Map<String, Object>> next = new ArrayList<>();
        boolean found = false;
        for (Map<String, Object> step : plan) {
            if (stepId.equals(step.get("id"))) {
                Map<String, Object> changed = new LinkedHashMap<>(step);
                changed.put("status", status);
                next.add(changed);
                found = true;
            } else {
                next.add(step);
            }
        }
        if (!found) {
            next.add(step(stepId, description, null, status));
        }
        return next;
    }

    static String describe(String tool, Map<String, Object> input) {
        Object subject = input == null ? null : input.containsKey("command") ? input.get("command") : input.get("path");
        return subject == null ? tool : tool + " " + subject;
    }

    private static Map<String, Object> step(String id, String description, String tool, String status) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", id);
        step.put("description", description);
        if (tool != null) {
            step.put("tool", tool);
        }
        step.put("status", status);
        return step;
    }

    void reset() {
        tasks.deleteAll();
        sessions.deleteAll();
    }
}
