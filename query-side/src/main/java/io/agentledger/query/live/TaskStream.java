package io.agentledger.query.live;

import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.task.TaskEvent;
import io.agentledger.kernel.task.TaskEvent.TaskArtifactStored;
import io.agentledger.kernel.task.TaskEvent.TaskCompleted;
import io.agentledger.kernel.task.TaskEvent.TaskFailed;
import io.agentledger.kernel.task.TaskEvent.TaskPlanned;
import io.agentledger.kernel.task.TaskEvent.TaskStarted;
import io.agentledger.kernel.task.TaskEvent.TaskStopped;
import io.agentledger.kernel.task.TaskEvent.TaskToolCalled;
import io.agentledger.kernel.task.TaskEvent.TaskToolReturned;
import io.agentledger.kernel.task.TaskEvent.TaskTurnTaken;
import io.agentledger.kernel.task.TaskStep;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 002's task stream: one task's {@code token}, {@code tool_call}, {@code tool_result},
 * {@code plan_update}, {@code status} and {@code error} messages, each with the {@code position} of the
 * event it comes from. It reads the task from its first event (the plan is folded as it goes) and sends
 * what comes after {@code from}; it completes after the task's last status.
 */
@Component
public class TaskStream {

    private final EventFeed feed;

    public TaskStream(EventFeed feed) {
        this.feed = feed;
    }

    public Flux<Map<String, Object>> follow(Caller caller, String taskId, long from) {
        PlanFold plan = new PlanFold();
        return feed.stream(0, FeedFilter.tenant(caller.tenantId()).and(FeedFilter.aggregate(taskId)))
                .takeUntil(event -> event.payload() instanceof TaskCompleted || event.payload() instanceof TaskFailed
                        || event.payload() instanceof TaskStopped)
                .concatMapIterable(event -> {
                    List<Map<String, Object>> messages = event.payload() instanceof TaskEvent task
                            ? messages(event, task, plan) : List.of();
                    return event.position() > from ? messages : List.of();
                });
    }

    private static List<Map<String, Object>> messages(FeedEvent event, TaskEvent task, PlanFold plan) {
        List<Map<String, Object>> messages = new ArrayList<>();
        if (task instanceof TaskStarted) {
            messages.add(message("status", event, "status", "running", "message", "Task started"));
        } else if (task instanceof TaskTurnTaken turn && turn.text() != null && !turn.text().isBlank()) {
            messages.add(message("token", event, "content", turn.text()));
        } else if (task instanceof TaskPlanned planned) {
            plan.replan(planned.steps());
            messages.add(message("plan_update", event, "plan", plan.shape()));
        } else if (task instanceof TaskToolCalled called) {
            messages.add(message("tool_call", event, "tool", called.tool(), "input", called.input(), "step_id",
                    called.stepId()));
            plan.mark(called.stepId(), called.tool(), "in_progress");
            messages.add(message("plan_update", event, "plan", plan.shape()));
        } else if (task instanceof TaskToolReturned returned) {
            messages.add(message("tool_result", event, "tool", returned.tool(), "output", returned.output(),
                    "success", returned.success(), "step_id", returned.stepId()));
            plan.mark(returned.stepId(), returned.tool(), returned.success() ? "completed" : "failed");
            messages.add(message("plan_update", event, "plan", plan.shape()));
        } else if (task instanceof TaskArtifactStored stored) {
            messages.add(message("artifact", event, "artifact", Map.of("id", stored.artifactId(), "name",
                    stored.name(), "type", stored.type(), "size", stored.size(), "sha256", stored.sha256())));
        } else if (task instanceof TaskCompleted completed) {
            messages.add(message("status", event, "status", "completed", "message",
                    completed.summary() == null ? "Task completed successfully" : completed.summary()));
        } else if (task instanceof TaskFailed failed) {
            messages.add(message("error", event, "error", failed.error(), "code", failed.code()));
            messages.add(message("status", event, "status", "failed", "message", failed.error()));
        } else if (task instanceof TaskStopped stopped) {
            messages.add(message("status", event, "status", "stopped", "message", "Task stopped by "
                    + stopped.stoppedBy()));
        }
        return messages;
    }

    private static Map<String, Object> message(String type, FeedEvent event, Object... fields) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            message.put((String) fields[i], fields[i + 1]);
        }
        message.put("timestamp", event.timestamp());
        message.put("position", event.position());
        return message;
    }

    /** The plan with each step's status, as the stream has seen it so far. */
    private static final class PlanFold {

        private final Map<String, Map<String, Object>> steps = new LinkedHashMap<>();

        void replan(List<TaskStep> planned) {
            Map<String, Map<String, Object>> before = new LinkedHashMap<>(steps);
            steps.clear();
            for (TaskStep step : planned) {
                Map<String, Object> known = before.remove(step.id());
                steps.put(step.id(), step(step.id(), step.description(), known == null ? "pending"
                        : (String) known.get("status")));
            }
            steps.putAll(before);
        }

        void mark(String stepId, String tool, String status) {
            steps.computeIfAbsent(stepId, id -> step(id, tool, status)).put("status", status);
        }

        Map<String, Object> shape() {
            return Map.of("steps", steps.values().stream().map(LinkedHashMap::new).toList());
        }

        private static Map<String, Object> step(String id, String description, String status) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", id);
            step.put("description", description);
            step.put("status", status);
            return step;
        }
    }
}
