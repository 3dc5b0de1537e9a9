package io.agentledger.projection.workflow;

import io.agentledger.kernel.workflow.WorkflowEvent;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowCreated;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowDeleted;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowRevised;
import io.agentledger.kernel.workflow.WorkflowEvent.WorkflowScheduleFired;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent;
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
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecutionVersion;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowVersion;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Applies workflow and workflow-execution events for the inline and the tracking projection alike. */
@Component
class WorkflowWriter {

    private final WorkflowRepository workflows;
    private final WorkflowExecutionRepository executions;
    private final VersionAnnouncer announcer;

    WorkflowWriter(WorkflowRepository workflows, WorkflowExecutionRepository executions, VersionAnnouncer announcer) {
        this.workflows = workflows;
        this.executions = executions;
        this.announcer = announcer;
    }

    void apply(WorkflowEvent event, long version, Instant storedAt) {
        Instant at = StoredTime.of(storedAt);
        boolean applied;
        if (event instanceof WorkflowCreated created) {
            applied = workflows.insert(created, version, at);
        } else if (event instanceof WorkflowRevised revised) {
            applied = workflows.revise(revised, version, at);
        } else if (event instanceof WorkflowDeleted deleted) {
            applied = workflows.delete(deleted.workflowId(), deleted.deletedBy(), version, at);
        } else if (event instanceof WorkflowScheduleFired) {
            applied = workflows.advance(event.workflowId(), version);
        } else {
            throw new IllegalArgumentException("Unknown workflow event " + event.getClass().getName());
        }
        if (applied) {
            announcer.announce(FindWorkflowVersion.class, FindWorkflowVersion::workflowId, event.workflowId(), version);
        }
    }

    void apply(WorkflowExecutionEvent event, long version, Instant storedAt) {
        Instant at = StoredTime.of(storedAt);
        if (applied(event, version, at)) {
            announcer.announce(FindWorkflowExecutionVersion.class, FindWorkflowExecutionVersion::executionId,
                    event.executionId(), version);
        }
    }

    private boolean applied(WorkflowExecutionEvent event, long version, Instant at) {
        String id = event.executionId();
        if (event instanceof WorkflowExecutionStarted started) {
            return executions.insert(started, version, at);
        }
        if (event instanceof WorkflowNodeStarted started) {
            executions.nodeStarted(id, event.tenantId(), started.nodeId(), started.attempt(), started.input(), version,
                    at);
            return executions.advance(id, version, at);
        }
        if (event instanceof WorkflowNodeSucceeded succeeded) {
            executions.nodeEnded(id, succeeded.nodeId(), succeeded.attempt(), "completed", succeeded.output(), null,
                    succeeded.durationMs(), version, at);
            return executions.advance(id, version, at);
        }
        if (event instanceof WorkflowNodeFailed failed) {
            executions.nodeEnded(id, failed.nodeId(), failed.attempt(), failed.retryAt() == null ? "failed"
                    : "retrying", null, failed.error(), failed.durationMs(), version, at);
            return executions.advance(id, version, at);
        }
        if (event instanceof WorkflowNodeSkipped skipped) {
            executions.nodeSkipped(id, event.tenantId(), skipped.nodeId(), skipped.reason(), version, at);
            return executions.advance(id, version, at);
        }
        if (event instanceof WorkflowExecutionPaused paused) {
            return executions.status(id, WorkflowExecutionStatus.PAUSED, paused.nodeId(), version, at);
        }
        if (event instanceof WorkflowExecutionResumed) {
            return executions.status(id, WorkflowExecutionStatus.RUNNING, null, version, at);
        }
        if (event instanceof WorkflowExecutionCompleted completed) {
            return executions.ended(id, WorkflowExecutionStatus.COMPLETED, completed.output(), null, null,
                    completed.durationMs(), version, at);
        }
        if (event instanceof WorkflowExecutionFailed failed) {
            return executions.ended(id, WorkflowExecutionStatus.FAILED, null, failed.error(), failed.nodeId(),
                    failed.durationMs(), version, at);
        }
        if (event instanceof WorkflowExecutionStopped stopped) {
            return executions.ended(id, WorkflowExecutionStatus.STOPPED, null, "stopped by " + stopped.stoppedBy(),
                    null, 0, version, at);
        }
        throw new IllegalArgumentException("Unknown workflow execution event " + event.getClass().getName());
    }

    void reset() {
        executions.deleteAll();
        workflows.deleteAll();
    }
}
