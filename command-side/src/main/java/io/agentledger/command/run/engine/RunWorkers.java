package io.agentledger.command.run.engine;

import io.agentledger.command.work.LeasedWorkers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** Threads that take runs from the work queue and advance them, woken as soon as work arrives. */
@Component
public class RunWorkers extends LeasedWorkers<String> {

    private final RunWorkQueue queue;
    private final RunEngine engine;
    private final Duration lease;

    public RunWorkers(RunWorkQueue queue, RunEngine engine,
                      @Value("${agentledger.engine.workers:4}") int count,
                      @Value("${agentledger.engine.lease:PT60S}") Duration lease,
                      @Value("${agentledger.engine.poll-interval:PT1S}") Duration pollInterval) {
        super("run-worker", count, pollInterval);
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
    protected void process(String runId, String worker) {
        engine.advance(runId, () -> isRunning() && queue.renew(runId, worker, lease));
    }

    @Override
    protected void release(String runId, String worker) {
        queue.release(runId, worker, pollInterval());
    }
}
