package io.agentledger.command.run.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.serialization.EventObjectMapper;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.goal.AutonomyLevel;
import io.agentledger.kernel.goal.PlannedTask;
import io.agentledger.kernel.run.RunEvent;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.InputProvided;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.RunResumed;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunEvent.StepApprovalResolved;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a run stands, folded from its own events: what the engine needs to take the next step. */
final class RunProgress {

    static final ObjectMapper JSON = EventObjectMapper.forMessages();
    private static final TypeReference<List<PlannedTask>> TASKS = new TypeReference<>() {
    };

    String runId;
    String tenantId;
    String goalId;
    String goalText;
    AutonomyLevel autonomyLevel;
    RunStatus status;
    String intent;
    List<PlannedTask> tasks = List.of();
    final Set<String> completedNodes = new HashSet<>();
    final Map<Integer, Map<String, Object>> steps = new LinkedHashMap<>();
    final Map<Integer, Resolution> resolutions = new HashMap<>();
    final List<String> inputs = new ArrayList<>();

    record Resolution(ApprovalDecision decision, Map<String, Object> payload) {
    }

    static RunProgress of(Iterable<?> payloads) {
        RunProgress progress = new RunProgress();
        for (Object payload : payloads) {
            if (payload instanceof RunEvent event) {
                progress.apply(event);
            }
        }
        return progress;
    }

    private void apply(RunEvent event) {
        if (event instanceof RunCreated e) {
            runId = e.runId();
            tenantId = e.tenantId();
            goalId = e.goalId();
            goalText = e.goalText();
            autonomyLevel = e.autonomyLevel() == null ? AutonomyLevel.L2 : e.autonomyLevel();
            status = e.status();
        } else if (event instanceof RunStarted) {
            status = RunStatus.RUNNING;
        } else if (event instanceof RunPaused) {
            status = RunStatus.PAUSED;
        } else if (event instanceof RunResumed e) {
            status = e.status();
        } else if (event instanceof RunCompleted) {
            status = RunStatus.COMPLETED;
        } else if (event instanceof RunFailed) {
            status = RunStatus.FAILED;
        } else if (event instanceof RunCancelled) {
            status = RunStatus.CANCELLED;
        } else if (event instanceof NodeCompleted e) {
            completedNodes.add(e.node());
        } else if (event instanceof CheckpointRecorded e) {
            if (RunGraph.INTENT_ROUTER.equals(e.node())) {
                intent = String.valueOf(e.result().get("intent"));
            } else if (RunGraph.PLANNER.equals(e.node())) {
                tasks = JSON.convertValue(e.result().get("tasks"), TASKS);
            }
        } else if (event instanceof StepCompleted e) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("task_id", e.taskId());
            step.put("tool", e.tool());
            step.put("outcome", e.outcome());
            step.put("output", e.output());
            steps.put(e.taskIndex(), step);
        } else if (event instanceof InputProvided e) {
            inputs.add(e.content());
        } else if (event instanceof StepApprovalResolved e) {
            resolutions.put(e.taskIndex(), new Resolution(e.decision(), e.payload()));
        }
    }

    /** The goal as the planner and summarizer read it: its text, then what operators told the run. */
    String instructions() {
        if (inputs.isEmpty()) {
            return goalText;
        }
        StringBuilder text = new StringBuilder(goalText).append("\n\nOperator input:");
        inputs.forEach(input -> text.append("\n- ").append(input));
        return text.toString();
    }

    boolean done(String node) {
        return completedNodes.contains(node);
    }

    int nextTask() {
        for (int i = 0; i < tasks.size(); i++) {
            if (!steps.containsKey(i)) {
                return i;
            }
        }
        return -1;
    }

    List<Map<String, Object>> stepList() {
        return new ArrayList<>(steps.values());
    }
}
