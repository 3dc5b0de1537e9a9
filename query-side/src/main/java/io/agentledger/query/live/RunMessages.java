package io.agentledger.query.live;

import io.agentledger.kernel.approval.ApprovalEvent;
import io.agentledger.kernel.run.RunEvent;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.InputProvided;
import io.agentledger.kernel.run.RunEvent.NodeFailed;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunEvent.ToolCalled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's live messages, one per event at most: {@code run.update} (seed 000) for every change of status,
 * node or progress, and seed 002's task stream: {@code plan_update}, {@code tool_call}, {@code tool_result},
 * {@code token} (the summariser's text), {@code input} and {@code error}; approvals of the run as
 * {@link ApprovalMessages}.
 */
final class RunMessages {

    static final String UPDATE = "run.update";

    private static final Set<Object> FINISHED = Set.of("completed", "failed", "cancelled");

    private RunMessages() {
    }

    /** The run's last update: it completed, failed or was cancelled. */
    static boolean last(LiveMessage message) {
        return UPDATE.equals(message.type()) && FINISHED.contains(message.data().get("status"));
    }

    static LiveMessage of(FeedEvent event, RunLines lines) {
        if (event.payload() instanceof ApprovalEvent approval) {
            return ApprovalMessages.of(event, approval);
        }
        if (!(event.payload() instanceof RunEvent run)) {
            return null;
        }
        RunLine line = lines.apply(event, run);
        if (run instanceof CheckpointRecorded checkpoint) {
            return checkpoint(event, checkpoint, line);
        }
        if (run instanceof ToolCalled) {
            return LiveMessage.of("tool_call", event, Data.of("run_id", line.runId)
                    .withAll(Data.from(event, "task_index", "task_id", "tool", "input").map()).map());
        }
        if (run instanceof StepCompleted step) {
            return LiveMessage.of("tool_result", event, Data.of("run_id", line.runId)
                    .withAll(Data.from(event, "task_index", "task_id", "tool", "output", "outcome").map())
                    .with("success", "executed".equals(step.outcome())).map());
        }
        if (run instanceof InputProvided) {
            return LiveMessage.of("input", event, Data.of("run_id", line.runId)
                    .withAll(Data.from(event, "content", "provided_by").map()).map());
        }
        if (run instanceof NodeFailed failed) {
            return LiveMessage.of("error", event, Data.of("run_id", line.runId).with("node", failed.node())
                    .with("error", failed.errorMessage()).with("code", "NODE_FAILED").map());
        }
        return switch (event.type()) {
            case "RunCreated", "RunStarted", "NodeStarted", "NodeCompleted", "RunResumed" ->
                    LiveMessage.of(UPDATE, event, line.update());
            case "RunPaused" -> LiveMessage.of(UPDATE, event, with(line, "reason", ((RunPaused) run).reason()));
            case "RunCompleted" -> LiveMessage.of(UPDATE, event, with(line, "message", ((RunCompleted) run).summary()));
            case "RunFailed" -> LiveMessage.of(UPDATE, event, with(line, "message", ((RunFailed) run).errorMessage()));
            case "RunCancelled" -> LiveMessage.of(UPDATE, event,
                    with(line, "message", "Cancelled by " + ((RunCancelled) run).cancelledBy()));
            default -> null;
        };
    }

    private static LiveMessage checkpoint(FeedEvent event, CheckpointRecorded checkpoint, RunLine line) {
        if (RunLine.PLANNER.equals(checkpoint.node()) && line.tasks != null) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Object task : line.tasks) {
                Map<?, ?> planned = task instanceof Map<?, ?> map ? map : Map.of();
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("id", planned.get("id"));
                step.put("description", planned.get("title"));
                step.put("tool", planned.get("tool"));
                step.put("status", "pending");
                steps.add(step);
            }
            return LiveMessage.of("plan_update", event, Data.of("run_id", line.runId)
                    .with("plan", Map.of("steps", steps)).map());
        }
        if ("summarizer".equals(checkpoint.node()) && checkpoint.result() != null
                && checkpoint.result().get("summary") != null) {
            return LiveMessage.of("token", event, Data.of("run_id", line.runId).with("node", checkpoint.node())
                    .with("content", checkpoint.result().get("summary")).map());
        }
        return null;
    }

    private static Map<String, Object> with(RunLine line, String key, String value) {
        Map<String, Object> data = line.update();
        data.put(key, value);
        return data;
    }
}
