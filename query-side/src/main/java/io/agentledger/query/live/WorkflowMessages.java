package io.agentledger.query.live;

import io.agentledger.kernel.run.RunEvent;
import io.agentledger.kernel.run.RunEvent.NodeFailed;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.StepCompleted;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs in seed 003's vocabulary: a run is a workflow execution of its goal, and its graph nodes
 * (intent_router, planner, executor, summarizer) are the agents doing the work.
 */
final class WorkflowMessages {

    private WorkflowMessages() {
    }

    static LiveMessage of(FeedEvent event, RunLines lines) {
        if (!(event.payload() instanceof RunEvent run)) {
            return null;
        }
        RunLine line = lines.apply(event, run);
        String node = run instanceof RunEvent.NodeCompleted completed ? completed.node() : line.currentNode;
        Data execution = Data.of("workflow_id", line.goalId).with("execution_id", line.runId);
        return switch (event.type()) {
            case "RunStarted" -> LiveMessage.of("workflow:triggered", event,
                    execution.with("trigger_source", "goal.start").map());
            case "NodeStarted" -> LiveMessage.of("agent:execution_started", event, Data.of("agent_id", node)
                    .with("execution_id", line.runId).with("command", Map.of("goal_id", String.valueOf(line.goalId)))
                    .map());
            case "NodeCompleted" -> LiveMessage.of("agent:execution_completed", event, Data.of("agent_id", node)
                    .with("execution_id", line.runId).with("result", line.lastResult)
                    .with("duration", seconds(line.nodeStarts.get(node), event.timestamp())).map());
            case "NodeFailed" -> LiveMessage.of("agent:error", event, Data.of("agent_id", ((NodeFailed) run).node())
                    .with("error", ((NodeFailed) run).errorMessage())
                    .with("context", Map.of("execution_id", line.runId)).map());
            case "RunPaused" -> LiveMessage.of("agent:status_changed", event, Data.of("agent_id", node)
                    .with("execution_id", line.runId).with("old_status", "running").with("new_status", "paused")
                    .map());
            case "RunResumed" -> LiveMessage.of("agent:status_changed", event, Data.of("agent_id", node)
                    .with("execution_id", line.runId).with("old_status", "paused").with("new_status", line.status())
                    .map());
            case "StepCompleted" -> LiveMessage.of("workflow:step_completed", event, execution
                    .with("step_id", ((StepCompleted) run).taskId()).with("result", ((StepCompleted) run).output())
                    .map());
            case "RunCompleted", "RunFailed", "RunCancelled" -> LiveMessage.of("workflow:completed", event, execution
                    .with("success", run instanceof RunCompleted)
                    .with("duration", seconds(line.startedAt, event.timestamp()))
                    .with("results", results(run)).map());
            default -> null;
        };
    }

    private static Map<String, Object> results(RunEvent run) {
        if (run instanceof RunCompleted completed) {
            return Map.of("summary", String.valueOf(completed.summary()));
        }
        if (run instanceof RunFailed failed) {
            return Map.of("error", String.valueOf(failed.errorMessage()));
        }
        return Map.of("cancelled", true);
    }

    private static Double seconds(Instant from, Instant to) {
        return from == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }
}
