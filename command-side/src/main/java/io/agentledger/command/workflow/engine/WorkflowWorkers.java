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

    private static final Duration AWAITING_PEOPLE = Duration.ofMinutes(5);

    private final WorkflowWorkQueue queue;
    private final WorkflowEngine engine;
    private final Duration lease;
    private final Map<String, Boolean> lost = new ConcurrentHashMap<>();
    private final Map<String, Boolean> awaitingPeople = new ConcurrentHashMap<>();

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
            if (engine.advance(executionId, () -> isRunning() && !lost.containsKey(executionId))) {
                awaitingPeople.put(executionId, true);
            }
        } finally {
            lost.remove(executionId);
        }
    }

    /** An execution that waits for a person is looked at again only rarely: the decision wakes it. */
    @Override
    protected void release(String executionId, String worker) {
        boolean waits = awaitingPeople.remove(executionId) != null;
        queue.release(executionId, worker, waits ? AWAITING_PEOPLE : pollInterval());
        if (waits && !engine.awaitsPeople(executionId)) {
            // decided while this worker still held it: the decision's wake-up found it taken
            queue.wake(executionId);
        }
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
