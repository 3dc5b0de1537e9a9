package io.agentledger.command.task.engine;

import io.agentledger.command.work.LeasedWorkers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Threads that take tasks from the queue and carry them out. A task stopped (here, or on another node:
 * its lease can no longer be renewed) has its running command killed and takes no further step.
 */
@Component
public class TaskWorkers extends LeasedWorkers<String> {

    private final TaskWorkQueue queue;
    private final TaskEngine engine;
    private final Duration lease;

    public TaskWorkers(TaskWorkQueue queue, TaskEngine engine,
                       @Value("${agentledger.tasks.workers:4}") int count,
                       @Value("${agentledger.tasks.lease:PT30S}") Duration lease,
                       @Value("${agentledger.tasks.poll-interval:PT2S}") Duration pollInterval) {
        super("task-worker", count, pollInterval, lease);
        this.queue = queue;
        this.engine = engine;
        this.lease = lease;
    }

    @Override
    protected void onStart() {
        queue.listen(this::wakeUp, engine::halt);
    }

    /** The service stops: the commands running die with it; those tasks are failed by the next claim. */
    @Override
    protected void onStop() {
        inHand().forEach(engine::halt);
    }

    @Override
    protected Optional<String> claim(String worker) {
        return queue.claim(worker, lease);
    }

    @Override
    protected void process(String taskId, String worker) {
        engine.carryOut(taskId, worker);
    }

    @Override
    protected void release(String taskId, String worker) {
        queue.release(taskId, worker, pollInterval());
    }

    @Override
    protected boolean renew(String taskId, String worker) {
        return queue.renew(taskId, worker, lease);
    }

    @Override
    protected void lost(String taskId) {
        engine.halt(taskId);
    }
}
