package io.agentledger.command.task.engine;

import io.agentledger.command.run.runtime.TaskTurns.Entry;
import io.agentledger.command.run.runtime.TaskTurns.Exchange;
import io.agentledger.command.run.runtime.TaskTurns.Input;
import io.agentledger.kernel.task.TaskEvent.TaskCreated;
import io.agentledger.kernel.task.TaskEvent.TaskInputGiven;
import io.agentledger.kernel.task.TaskEvent.TaskPlanned;
import io.agentledger.kernel.task.TaskEvent.TaskToolCalled;
import io.agentledger.kernel.task.TaskEvent.TaskToolReturned;
import io.agentledger.kernel.task.TaskEvent.TaskTurnTaken;
import io.agentledger.kernel.task.TaskStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a task stands, folded from its events: what was asked, what happened, the plan. */
final class TaskProgress {

    String taskId;
    String tenantId;
    String sessionId;
    String description;
    String provider;
    int iterations;
    int calls;
    List<TaskStep> plan = List.of();
    final List<Entry> history = new ArrayList<>();
    private final Map<String, TaskToolCalled> open = new LinkedHashMap<>();

    static TaskProgress of(List<Object> events) {
        TaskProgress progress = new TaskProgress();
        events.forEach(progress::apply);
        return progress;
    }

    private void apply(Object event) {
        if (event instanceof TaskCreated created) {
            taskId = created.taskId();
            tenantId = created.tenantId();
            sessionId = created.sessionId();
            description = created.description();
            provider = created.provider();
        } else if (event instanceof TaskPlanned planned) {
            plan = planned.steps();
        } else if (event instanceof TaskTurnTaken turn) {
            iterations = turn.iteration();
        } else if (event instanceof TaskToolCalled called) {
            calls++;
            open.put(called.stepId(), called);
        } else if (event instanceof TaskToolReturned returned) {
            TaskToolCalled called = open.remove(returned.stepId());
            history.add(new Exchange(returned.stepId(), returned.tool(), called == null ? Map.of() : called.input(),
                    returned.output(), returned.success()));
        } else if (event instanceof TaskInputGiven input) {
            history.add(new Input(input.content()));
        }
    }

    /** The plan with each step's status, as seed 002 shows it (and as {@code plan.json} keeps it). */
    List<Map<String, Object>> planWithStatus() {
        List<Map<String, Object>> steps = new ArrayList<>();
        Map<String, Boolean> outcomes = new LinkedHashMap<>();
        Map<String, String> tools = new LinkedHashMap<>();
        for (Entry entry : history) {
            if (entry instanceof Exchange exchange) {
                outcomes.put(exchange.stepId(), exchange.success());
                tools.put(exchange.stepId(), exchange.tool());
            }
        }
        for (TaskStep step : plan) {
            steps.add(step(step.id(), step.description(), outcomes.remove(step.id())));
            tools.remove(step.id());
        }
        outcomes.forEach((stepId, success) -> steps.add(step(stepId, tools.get(stepId), success)));
        return steps;
    }

    private static Map<String, Object> step(String id, String description, Boolean success) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", id);
        step.put("description", description);
        step.put("status", success == null ? "pending" : success ? "completed" : "failed");
        return step;
    }
}
