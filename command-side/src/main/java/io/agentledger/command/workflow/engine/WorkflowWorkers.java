package io.agentledger.command.workflow.engine;

import io.agentledger.command.work.LeasedWorkers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threads that take workflow executions from the queue and advance them. The lease is renewed in the
 * background while nodes run; an execution whose entry is gone (stopped, on any node) or taken over
 * stops at once.
 */
@Component
public class WorkflowWorkers extends LeasedWorkers<String> {

    private final WorkflowWorkQueue queue;
    private final WorkflowEngine engine;
    private final Duration lease;
    private final Map<String, Boolean> lost = new ConcurrentHashMap<>();

    public WorkflowWorkers(WorkflowWorkQueue queue, WorkflowEngine engine,
                           @Value("${agentledger.workflows.workers:4}") int count,
                           @Value("${agentledger.workflows.lease:PT30S}") Duration lease,
                           @Value("${agentledger.workflows.poll-interval:PT1S}") Duration pollInterval) {
        super("workflow-worker", count, pollInterval, lease);
        this.queue = queue;
        this.engine = engine;
        this.lease = lease;
    }

    @Override
    protected void onStart() {
        queue.onWork(this::wakeUp);
    }

    @Override
    protected Optional<String> claim(String worker) {
        return queue.claim(worker, lease);
    }

    @Override
    protected void process(String executionId, String worker) {
        lost.remove(executionId);
        try {
            engine.advance(executionId, () -> isRunning() && !lost.containsKey(executionId));
        } finally {
            lost.remove(executionId);
        }
    }

    @Override
    protected void release(String executionId, String worker) {
        queue.release(executionId, worker, pollInterval());
    }

    @Override
    protected boolean renew(String executionId, String worker) {
        return queue.renew(executionId, worker, lease);
    }

    @Override
    protected void lost(String executionId) {
        lost.put(executionId, true);
    }
}
