package io.agentledger.command.workflow.engine;

import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowEdge;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionCompleted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionPaused;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionResumed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStopped;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeSkipped;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeSucceeded;
import io.agentledger.kernel.workflow.WorkflowExecutionStatus;
import io.agentledger.kernel.workflow.WorkflowNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where an execution stands, folded from its own events: the engine's only memory. */
final class WorkflowProgress {

    enum NodeState { PENDING, RUNNING, SUCCEEDED, RETRY_WAIT, FAILED, SKIPPED }

    String executionId;
    String tenantId;
    String workflowId;
    WorkflowDefinition definition;
    Object input;
    ExecutionMode mode;
    WorkflowExecutionStatus status;
    Instant startedAt;
    final Map<String, NodeState> states = new LinkedHashMap<>();
    final Map<String, Integer> attempts = new HashMap<>();
    final Map<String, Object> outputs = new HashMap<>();
    final Map<String, Instant> retryAt = new HashMap<>();
    final Map<String, String> errors = new HashMap<>();
    final Set<String> continued = new HashSet<>();

    static WorkflowProgress of(List<Object> events, List<Instant> timestamps) {
        WorkflowProgress progress = new WorkflowProgress();
        for (int i = 0; i < events.size(); i++) {
            progress.apply(events.get(i), timestamps.get(i));
        }
        return progress;
    }

    private void apply(Object event, Instant at) {
        if (event instanceof WorkflowExecutionStarted started) {
            executionId = started.executionId();
            tenantId = started.tenantId();
            workflowId = started.workflowId();
            definition = started.definition();
            input = started.input();
            mode = started.mode();
            status = WorkflowExecutionStatus.RUNNING;
            startedAt = at;
            definition.nodes().forEach(node -> states.put(node.id(), NodeState.PENDING));
        } else if (event instanceof WorkflowNodeStarted started) {
            states.put(started.nodeId(), NodeState.RUNNING);
            attempts.put(started.nodeId(), started.attempt());
        } else if (event instanceof WorkflowNodeSucceeded succeeded) {
            states.put(succeeded.nodeId(), NodeState.SUCCEEDED);
            outputs.put(succeeded.nodeId(), succeeded.output());
        } else if (event instanceof WorkflowNodeFailed failed) {
            errors.put(failed.nodeId(), failed.error());
            if (failed.retryAt() == null) {
                states.put(failed.nodeId(), NodeState.FAILED);
            } else {
                states.put(failed.nodeId(), NodeState.RETRY_WAIT);
                retryAt.put(failed.nodeId(), failed.retryAt());
            }
        } else if (event instanceof WorkflowNodeSkipped skipped) {
            states.put(skipped.nodeId(), NodeState.SKIPPED);
        } else if (event instanceof WorkflowExecutionPaused) {
            status = WorkflowExecutionStatus.PAUSED;
        } else if (event instanceof WorkflowExecutionResumed resumed) {
            status = WorkflowExecutionStatus.RUNNING;
            if (resumed.continueNode() != null) {
                continued.add(resumed.continueNode());
            }
            for (String node : resumed.retryNodes()) {
                states.put(node, NodeState.RETRY_WAIT);
                retryAt.put(node, at);
            }
        } else if (event instanceof WorkflowExecutionCompleted) {
            status = WorkflowExecutionStatus.COMPLETED;
        } else if (event instanceof WorkflowExecutionFailed) {
            status = WorkflowExecutionStatus.FAILED;
        } else if (event instanceof WorkflowExecutionStopped) {
            status = WorkflowExecutionStatus.STOPPED;
        }
    }

    WorkflowNode node(String id) {
        return definition.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    List<String> predecessors(String nodeId) {
        List<String> sources = new ArrayList<>();
        for (WorkflowEdge edge : definition.edges()) {
            if (edge.target().equals(nodeId)) {
                sources.add(edge.source());
            }
        }
        return sources;
    }

    boolean hasSuccessors(String nodeId) {
        return definition.edges().stream().anyMatch(edge -> edge.source().equals(nodeId));
    }

    int attempt(String nodeId) {
        return attempts.getOrDefault(nodeId, 0);
    }
}
