package io.agentledger.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * How stale reads are: while background clients create goals at a set rate (half the measured maximum), a probe
 * client creates goals one at a time and times, from each acknowledgement, until the goal answers a GET, until
 * its audit entry (a projection the command does not wait for) answers a GET, and until its event arrives on an
 * RSocket subscription. A GET's time includes its own round trip; an RSocket message that came before the
 * acknowledgement counts as no lag.
 */
final class VisibilityBenchmark {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(15);

    private VisibilityBenchmark() {
    }

    static Map<String, Object> run(Http http, List<BenchUser> loadUsers, BenchUser probe, int rsocketPort,
                                   double backgroundRate, int samples) throws Exception {
        int threads = Math.min(8, loadUsers.size());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong background = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            BenchUser user = loadUsers.get(t);
            long interval = (long) (threads / backgroundRate * 1e9);
            long offset = interval * t / threads;
            pool.submit(() -> paced(http, user, interval, begin + offset, stop, background));
        }
        Latencies get = new Latencies(samples);
        Latencies audit = new Latencies(samples);
        Latencies live = new Latencies(samples);
        int liveBeforeAck = 0;
        int missed = 0;
        try (LiveSubscriber subscriber = new LiveSubscriber(rsocketPort, probe.token())) {
            awaitSubscribed(http, probe, subscriber);
            for (int i = 0; i < samples; i++) {
                String id = create(http, probe);
                long acknowledged = System.nanoTime();
                boolean seen = until(() -> http.get("/api/v1/goals/" + id, probe.token()).status() == 200);
                long visible = System.nanoTime();
                seen &= until(() -> http.get("/api/v1/audit/logs?resource_id=" + id, probe.token()).body()
                        .path("total").asLong() > 0);
                long audited = System.nanoTime();
                seen &= until(() -> subscriber.arrival(id) != null);
                if (!seen) {
                    missed++;
                    continue;
                }
                get.record(visible - acknowledged);
                audit.record(audited - acknowledged);
                long arrived = subscriber.arrival(id);
                if (arrived < acknowledged) {
                    liveBeforeAck++;
                }
                live.record(Math.max(0, arrived - acknowledged));
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("background_target_ops_per_second", Math.round(backgroundRate * 10) / 10.0);
        result.put("background_ops_per_second", Math.round(background.get() / seconds * 10) / 10.0);
        result.put("samples", get.count());
        result.put("missed", missed);
        result.put("get_goal", get.summary());
        result.put("get_audit_entry", audit.summary());
        result.put("rsocket_event", live.summary());
        result.put("rsocket_before_acknowledgement", liveBeforeAck);
        System.out.printf("visibility: GET p99 %.2f ms, audit p99 %.2f ms, RSocket p99 %.2f ms%n",
                get.percentile(99), audit.percentile(99), live.percentile(99));
        return result;
    }

    /** The stream starts at the head when the server has set it up; probes count only from then on. */
    private static void awaitSubscribed(Http http, BenchUser probe, LiveSubscriber subscriber)
            throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (System.nanoTime() < deadline) {
            String id = create(http, probe);
            Thread.sleep(500);
            if (subscriber.arrival(id) != null) {
                return;
            }
        }
        throw new IllegalStateException("No event arrived on the RSocket subscription", subscriber.error());
    }

    private static String create(Http http, BenchUser user) {
        return http.post("/api/v1/goals", Map.of("text", "Visibility probe"), user.token())
                .require(201, "create goal").text("id");
    }

    private static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    private static void paced(Http http, BenchUser user, long interval, long first, AtomicBoolean stop,
                              AtomicLong done) {
        long next = first;
        while (!stop.get()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            next += interval;
            try {
                if (http.post("/api/v1/goals", Map.of("text", "Background goal"), user.token()).status() == 201) {
                    done.incrementAndGet();
                }
            } catch (RuntimeException ignored) {
                // counted by what was done
            }
        }
    }
}
