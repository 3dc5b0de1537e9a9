package io.agentledger.command.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

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
 * Threads that lease entries from a durable work queue and work on them, woken as soon as work arrives
 * and polling otherwise. Each worker has a name unique in the cluster (process, random suffix, index).
 * With a heartbeat, the leases of the entries being worked on are renewed every third of it in the
 * background, and an entry whose lease cannot be renewed (gone, or taken over) is reported {@link #lost}.
 */
public abstract class LeasedWorkers<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeasedWorkers.class);

    private final String threadName;
    private final int count;
    private final Duration pollInterval;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private final Duration heartbeatLease;
    private final Map<T, String> working = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    protected LeasedWorkers(String threadName, int count, Duration pollInterval) {
        this(threadName, count, pollInterval, null);
    }

    /** {@code heartbeatLease}: the lease renewed while an entry is worked on; null for none. */
    protected LeasedWorkers(String threadName, int count, Duration pollInterval, Duration heartbeatLease) {
        this.threadName = threadName;
        this.count = count;
        this.pollInterval = pollInterval;
        this.heartbeatLease = heartbeatLease;
    }

    protected abstract Optional<T> claim(String worker);

    protected abstract void process(T entry, String worker);

    /** Hands the entry back, if it is still there, once the work on it returned. */
    protected abstract void release(T entry, String worker);

    protected void onStart() {
    }

    /** With a heartbeat: extends the entry's lease; false when it is gone or another worker's now. */
    protected boolean renew(T entry, String worker) {
        return true;
    }

    /** With a heartbeat: the entry's lease could not be renewed while it was worked on. */
    protected void lost(T entry) {
    }

    protected void onStop() {
    }

    protected final void wakeUp() {
        wakeUp.release(count);
    }

    protected final Duration pollInterval() {
        return pollInterval;
    }

    public final boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void start() {
        running = true;
        onStart();
        if (heartbeatLease != null) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, threadName + "-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(1, heartbeatLease.toMillis() / 3);
            heartbeat.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < count; i++) {
            String worker = instance + "-" + i;
            Thread thread = new Thread(() -> work(worker), threadName + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void work(String worker) {
        while (running) {
            try {
                Optional<T> claimed = claim(worker);
                if (claimed.isEmpty()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                working.put(claimed.get(), worker);
                try {
                    process(claimed.get(), worker);
                } finally {
                    working.remove(claimed.get());
                    if (running) {
                        release(claimed.get(), worker);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Worker {} failed; retrying", worker, e);
                    pause();
                }
            }
        }
    }

    private void renewAll() {
        working.forEach((entry, worker) -> {
            try {
                if (!renew(entry, worker)) {
                    lost(entry);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of {}: {}", entry, e.toString());
            }
        });
    }

    /** The entries being worked on now. */
    protected final java.util.Set<T> inHand() {
        return working.keySet();
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking work; an entry being worked on keeps its lease and is taken up again after it ends. */
    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        onStop();
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
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

    /** After Axon's processors and buses have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
