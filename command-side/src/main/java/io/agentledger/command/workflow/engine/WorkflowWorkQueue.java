package io.agentledger.command.workflow.engine;

import io.agentledger.command.work.LeaseTable;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionCompleted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionPaused;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionResumed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStopped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Workflow executions with work to do, kept in the same transaction as their events (subscribing
 * processor): in when started or resumed, out when paused, completed, failed or stopped.
 */
@Component
@ProcessingGroup(WorkflowWorkQueue.GROUP)
public class WorkflowWorkQueue {

    public static final String GROUP = "workflow-work-queue";

    private final LeaseTable table;
    private volatile Runnable onWork = () -> { };

    public WorkflowWorkQueue(JdbcTemplate jdbc) {
        this.table = new LeaseTable(jdbc, "workflow_work", "execution_id");
    }

    void onWork(Runnable listener) {
        onWork = listener;
    }

    @EventHandler
    void on(WorkflowExecutionStarted event) {
        enqueue(event.executionId(), event.tenantId());
    }

    @EventHandler
    void on(WorkflowExecutionResumed event) {
        enqueue(event.executionId(), event.tenantId());
    }

    @EventHandler
    void on(WorkflowExecutionPaused event) {
        table.remove(event.executionId());
    }

    @EventHandler
    void on(WorkflowExecutionCompleted event) {
        table.remove(event.executionId());
    }

    @EventHandler
    void on(WorkflowExecutionFailed event) {
        table.remove(event.executionId());
    }

    @EventHandler
    void on(WorkflowExecutionStopped event) {
        table.remove(event.executionId());
    }

    private void enqueue(String executionId, String tenantId) {
        table.enqueue(executionId, tenantId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> onWork.run());
        }
    }

    /** Called when something outside the engine moved the execution (a human decided). */
    public void wake(String executionId) {
        table.wake(executionId);
        onWork.run();
    }

    Optional<String> claim(String worker, Duration lease) {
        return table.claim(worker, lease);
    }

    boolean renew(String executionId, String worker, Duration lease) {
        return table.renew(executionId, worker, lease);
    }

    void release(String executionId, String worker, Duration delay) {
        table.release(executionId, worker, delay);
    }
}
