package io.agentledger.query.live;

import io.agentledger.kernel.workflow.WorkflowExecutionEvent;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionCompleted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStopped;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeSucceeded;

import java.util.Map;

/** Workflow executions as seed 003's workflow messages. */
final class WorkflowExecutionMessages {

    private WorkflowExecutionMessages() {
    }

    static LiveMessage of(FeedEvent event) {
        if (!(event.payload() instanceof WorkflowExecutionEvent execution)) {
            return null;
        }
        Data data = Data.of("workflow_id", execution.workflowId()).with("execution_id", execution.executionId());
        if (execution instanceof WorkflowExecutionStarted started) {
            return LiveMessage.of("workflow:triggered", event, data.with("trigger_source", started.triggerType())
                    .with("mode", started.mode().name().toLowerCase()).map());
        }
        if (execution instanceof WorkflowNodeSucceeded node) {
            return LiveMessage.of("workflow:step_completed", event, data.with("step_id", node.nodeId())
                    .with("result", node.output()).map());
        }
        if (execution instanceof WorkflowExecutionCompleted completed) {
            return LiveMessage.of("workflow:completed", event, data.with("success", true)
                    .with("duration", completed.durationMs() / 1000.0)
                    .with("results", completed.output() instanceof Map<?, ?> ? completed.output()
                            : Map.of("output", String.valueOf(completed.output()))).map());
        }
        if (execution instanceof WorkflowExecutionFailed failed) {
            return LiveMessage.of("workflow:completed", event, data.with("success", false)
                    .with("duration", failed.durationMs() / 1000.0)
                    .with("results", Map.of("error", failed.error(), "node_id", String.valueOf(failed.nodeId()))).map());
        }
        if (execution instanceof WorkflowExecutionStopped stopped) {
            return LiveMessage.of("workflow:completed", event, data.with("success", false)
                    .with("results", Map.of("stopped_by", stopped.stoppedBy())).map());
        }
        return null;
    }
}
