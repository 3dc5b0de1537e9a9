package io.agentledger.query.live;

import io.agentledger.kernel.run.RunEvent;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.NodeStarted;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.RunResumed;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where one run stands, folded from its events: what its live updates report. */
final class RunLine {

    static final String PLANNER = "planner";
    static final String EXECUTOR = "executor";
    private static final Map<String, Double> NODE_SHARE = Map.of("intent_router", 0.1, PLANNER, 0.1,
            "summarizer", 0.1);
    private static final double EXECUTOR_SHARE = 0.7;

    final String runId;
    String goalId;
    RunStatus status;
    String currentNode;
    List<?> tasks;
    final Set<String> nodesDone = new HashSet<>();
    final Map<Integer, String> stepOutcomes = new HashMap<>();
    final Map<String, Instant> nodeStarts = new HashMap<>();
    Map<String, Object> lastResult = Map.of();
    Instant startedAt;

    RunLine(String runId) {
        this.runId = runId;
    }

    void apply(RunEvent event, Instant at) {
        if (event instanceof RunCreated e) {
            goalId = e.goalId();
            status = e.status();
        } else if (event instanceof RunStarted e) {
            goalId = e.goalId();
            status = RunStatus.RUNNING;
            startedAt = at;
        } else if (event instanceof NodeStarted e) {
            currentNode = e.node();
            nodeStarts.put(e.node(), at);
        } else if (event instanceof NodeCompleted e) {
            nodesDone.add(e.node());
        } else if (event instanceof CheckpointRecorded e) {
            lastResult = e.result() == null ? Map.of() : e.result();
            if (PLANNER.equals(e.node()) && lastResult.get("tasks") instanceof List<?> planned) {
                tasks = planned;
            }
        } else if (event instanceof StepCompleted e) {
            stepOutcomes.put(e.taskIndex(), e.outcome());
        } else if (event instanceof RunPaused) {
            status = RunStatus.PAUSED;
        } else if (event instanceof RunResumed e) {
            status = e.status();
        } else if (event instanceof RunCompleted e) {
            goalId = e.goalId();
            status = RunStatus.COMPLETED;
        } else if (event instanceof RunFailed e) {
            status = RunStatus.FAILED;
        } else if (event instanceof RunCancelled) {
            status = RunStatus.CANCELLED;
        }
    }

    boolean finished() {
        return status == RunStatus.COMPLETED || status == RunStatus.FAILED || status == RunStatus.CANCELLED;
    }

    /** 0 to 1: a tenth for each of routing, planning and summarising, the rest shared by the plan's steps. */
    double progress() {
        if (status == RunStatus.COMPLETED) {
            return 1.0;
        }
        double progress = NODE_SHARE.entrySet().stream().filter(n -> nodesDone.contains(n.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        if (nodesDone.contains(EXECUTOR) || tasks != null && tasks.isEmpty()) {
            progress += EXECUTOR_SHARE;
        } else if (tasks != null) {
            progress += EXECUTOR_SHARE * stepOutcomes.size() / tasks.size();
        }
        return Math.round(progress * 1000) / 1000.0;
    }

    String status() {
        return status == null ? null : status.name().toLowerCase();
    }

    Map<String, Object> update() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run_id", runId);
        data.put("goal_id", goalId);
        data.put("status", status());
        data.put("current_node", currentNode);
        data.put("progress", progress());
        return data;
    }
}
