package io.agentledger.command.run.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Threads that take runs from the work queue and advance them, woken as soon as work arrives. */
@Component
public class RunWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);

    private final RunWorkQueue queue;
    private final RunEngine engine;
    private final int count;
    private final Duration lease;
    private final Duration pollInterval;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public RunWorkers(RunWorkQueue queue, RunEngine engine,
                      @Value("${agentledger.engine.workers:4}") int count,
                      @Value("${agentledger.engine.lease:PT60S}") Duration lease,
                      @Value("${agentledger.engine.poll-interval:PT1S}") Duration pollInterval) {
        this.queue = queue;
        this.engine = engine;
        this.count = count;
        this.lease = lease;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        running = true;
        queue.onWork(() -> wakeUp.release(count));
        for (int i = 0; i < count; i++) {
            String worker = instance + "-" + i;
            Thread thread = new Thread(() -> work(worker), "run-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void work(String worker) {
        while (running) {
            try {
                Optional<String> claimed = queue.claim(worker, lease);
                if (claimed.isEmpty()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                String runId = claimed.get();
                try {
                    engine.advance(runId, () -> running && queue.renew(runId, worker, lease));
                } finally {
                    if (running) {
                        queue.release(runId, worker, pollInterval);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Run worker {} failed; retrying", worker, e);
                    sleep();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking work; a run being advanced keeps its lease and is taken up again after it ends. */
    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release(count);
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's processors and buses have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
