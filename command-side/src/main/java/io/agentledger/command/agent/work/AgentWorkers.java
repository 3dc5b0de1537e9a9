package io.agentledger.command.agent.work;

import io.agentledger.command.agent.build.AgentBuilder;
import io.agentledger.command.agent.execution.AgentExecutor;
import io.agentledger.command.agent.sandbox.PythonSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Threads that take builds and executions from the agent work queue. A worker holds a short lease and
 * renews it while it works, so the work of a node that died is taken up within a lease; an entry that
 * disappears while it runs (the execution was cancelled, on any node) stops its process.
 */
@Component
public class AgentWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentWorkers.class);

    private final AgentWorkQueue queue;
    private final AgentBuilder builder;
    private final AgentExecutor executor;
    private final PythonSandbox sandbox;
    private final int count;
    private final int perTenant;
    private final Duration lease;
    private final Duration pollInterval;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<String, String> working = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    public AgentWorkers(AgentWorkQueue queue, AgentBuilder builder, AgentExecutor executor, PythonSandbox sandbox,
                        @Value("${agentledger.agents.workers:4}") int count,
                        @Value("${agentledger.agents.max-concurrent-per-tenant:2}") int perTenant,
                        @Value("${agentledger.agents.lease:PT30S}") Duration lease,
                        @Value("${agentledger.agents.poll-interval:PT1S}") Duration pollInterval) {
        this.queue = queue;
        this.builder = builder;
        this.executor = executor;
        this.sandbox = sandbox;
        this.count = count;
        this.perTenant = perTenant;
        this.lease = lease;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        running = true;
        queue.onWork(() -> wakeUp.release(count));
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "agent-work-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < count; i++) {
            String worker = instance + "-" + i;
            Thread thread = new Thread(() -> work(worker), "agent-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void work(String worker) {
        while (running) {
            try {
                Optional<AgentWorkQueue.Work> claimed = queue.claim(worker, lease, perTenant);
                if (claimed.isEmpty()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                AgentWorkQueue.Work work = claimed.get();
                working.put(work.id(), worker);
                try {
                    if (AgentWorkQueue.BUILD.equals(work.kind())) {
                        builder.build(work.tenantId(), work.agentId(), work.id());
                    } else {
                        executor.execute(work.id(), work.tenantId(), work.agentId(), worker);
                    }
                } finally {
                    working.remove(work.id());
                    if (running) {
                        queue.release(work.id(), worker, pollInterval);
                    }
                    wakeUp.release(count);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Agent worker {} failed; retrying", worker, e);
                    pause();
                }
            }
        }
    }

    private void renewLeases() {
        working.forEach((id, worker) -> {
            try {
                if (!queue.renew(id, worker, lease) && sandbox.cancel(id)) {
                    log.info("Execution {} was cancelled or taken over: its process is stopped", id);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of {}: {}", id, e.toString());
            }
        });
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release(count);
        working.keySet().forEach(sandbox::cancel);
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
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
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
