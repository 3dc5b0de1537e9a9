package io.agentledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * N clients, each sending its next request as soon as the previous one is answered, for a fixed time after
 * a short unrecorded warm-up. A client whose work runs out (an operation answers {@link Outcome#DONE})
 * stops early; the phase lasts until the last client stops.
 */
final class ClosedLoop {

    enum Outcome { OK, FAILED, DONE }

    @FunctionalInterface
    interface Operation {
        Outcome run() throws Exception;
    }

    private ClosedLoop() {
    }

    static LoadResult run(int clients, Duration duration, IntFunction<Operation> clientOperations) throws Exception {
        return run(clients, duration, CpuMeter.NONE, clientOperations);
    }

    /** As above, with the CPU {@code meter} counts from the end of the warm-up until the last client stops. */
    static LoadResult run(int clients, Duration duration, CpuMeter meter, IntFunction<Operation> clientOperations)
            throws Exception {
        Duration warmup = duration.dividedBy(4).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2)
                : duration.dividedBy(4);
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            operations.add(clientOperations.apply(i));
        }
        AtomicLong errors = new AtomicLong();
        List<String> sampleErrors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long warmupEnds = System.nanoTime() + warmup.toNanos();
            long ends = warmupEnds + duration.toNanos();
            List<Future<Latencies>> futures = new ArrayList<>();
            for (Operation operation : operations) {
                futures.add(pool.submit(() -> loop(operation, warmupEnds, ends, errors, sampleErrors)));
            }
            sleepUntil(warmupEnds);
            CpuMeter.Sample before = meter.sample();
            Latencies all = new Latencies(1024);
            long lastEnd = warmupEnds;
            for (Future<Latencies> future : futures) {
                all.addAll(future.get());
            }
            lastEnd = Math.max(lastEnd, Math.min(System.nanoTime(), ends));
            CpuMeter.Sample after = meter.sample();
            double seconds = (lastEnd - warmupEnds) / 1e9;
            return new LoadResult(clients, all.count(), errors.get(), seconds, all, List.copyOf(sampleErrors),
                    after.serviceMillisPer(before, all.count()), after.databaseMillisPer(before, all.count()));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static Latencies loop(Operation operation, long warmupEnds, long ends, AtomicLong errors,
                                  List<String> sampleErrors) {
        Latencies latencies = new Latencies(1024);
        while (true) {
            long start = System.nanoTime();
            if (start >= ends) {
                return latencies;
            }
            Outcome outcome;
            try {
                outcome = operation.run();
            } catch (Exception e) {
                outcome = Outcome.FAILED;
                if (sampleErrors.size() < 3) {
                    sampleErrors.add(e.toString());
                }
            }
            if (outcome == Outcome.DONE) {
                return latencies;
            }
            if (start < warmupEnds) {
                continue;
            }
            if (outcome == Outcome.OK) {
                latencies.record(System.nanoTime() - start);
            } else {
                errors.incrementAndGet();
            }
        }
    }
}
