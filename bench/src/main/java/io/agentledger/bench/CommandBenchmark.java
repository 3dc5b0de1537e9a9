package io.agentledger.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Create, update, read, list and start goals over HTTP at each client count, each client acting for its own
 * tenant: the goals a level creates are the ones it updates, reads and then starts. After the starts the service is let settle
 * (the runs they began finish) before the next level.
 */
final class CommandBenchmark {

    private final Http http;
    private final List<BenchUser> users;
    private final Connection store;
    private final Duration phase;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Integer, Long> eventsBeforeCreate = new LinkedHashMap<>();
    private final java.util.function.Supplier<String> operatorToken;
    private final CpuMeter cpu;

    CommandBenchmark(Http http, List<BenchUser> users, Connection store, Duration phase,
                     java.util.function.Supplier<String> operatorToken, CpuMeter cpu) {
        this.operatorToken = operatorToken;
        this.cpu = cpu;
        this.http = http;
        this.users = users;
        this.store = store;
        this.phase = phase;
    }

    Map<String, List<LoadResult>> run(List<Integer> clientCounts) throws Exception {
        warmUp();
        Map<String, List<LoadResult>> results = new LinkedHashMap<>();
        for (int clients : clientCounts) {
            List<Deque<String>> pools = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                pools.add(new ArrayDeque<>());
            }
            eventsBeforeCreate.put(clients, Quiet.head(store));
            record(results, "create_goal", create(clients, pools));
            record(results, "update_goal", update(clients, pools));
            record(results, "get_goal", get(clients, pools));
            record(results, "list_goals", list(clients));
            record(results, "start_goal", start(clients, pools));
            Quiet.await(store, http, operatorToken.get());
        }
        return results;
    }

    /** Create, update and get at {@code clients}: the write and the read, e.g. across several nodes. */
    Map<String, LoadResult> writesAndReads(int clients) throws Exception {
        List<Deque<String>> pools = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            pools.add(new ArrayDeque<>());
        }
        Map<String, LoadResult> results = new LinkedHashMap<>();
        results.put("create_goal", create(clients, pools));
        results.put("update_goal", update(clients, pools));
        results.put("get_goal", get(clients, pools));
        return results;
    }

    /**
     * One unrecorded create, update and start first: the first run of a fresh service loads the
     * offline model and warms the run engine, which is not what the one-client figures are about.
     */
    private void warmUp() throws Exception {
        String token = users.get(0).token();
        String id = http.post("/api/v1/goals", Map.of("text", "Warm-up goal"), token).require(201, "warm-up goal")
                .text("id");
        http.put("/api/v1/goals/" + id, Map.of("text", "Warm-up goal, revised"), token).require(200, "warm-up update");
        http.post("/api/v1/goals/" + id + "/start", null, token).require(202, "warm-up start");
        Quiet.await(store, http, operatorToken.get());
    }

    /** How many events the store held when the creates at {@code clients} began. */
    long eventsBeforeCreate(int clients) {
        return eventsBeforeCreate.get(clients);
    }

    LoadResult create(int clients, List<Deque<String>> pools) throws Exception {
        return ClosedLoop.run(clients, phase, cpu, client -> () -> {
            String id = http.post("/api/v1/goals", Map.of("text", "Benchmark goal " + sequence.incrementAndGet()),
                    users.get(client).token()).require(201, "create goal").text("id");
            if (pools != null) {
                pools.get(client).addLast(id);
            }
            return ClosedLoop.Outcome.OK;
        });
    }

    private LoadResult update(int clients, List<Deque<String>> pools) throws Exception {
        return ClosedLoop.run(clients, phase, cpu, client -> () -> {
            Deque<String> pool = pools.get(client);
            String id = pool.pollFirst();
            if (id == null) {
                return ClosedLoop.Outcome.DONE;
            }
            pool.addLast(id);
            http.put("/api/v1/goals/" + id, Map.of("text", "Benchmark goal, revised " + sequence.incrementAndGet()),
                    users.get(client).token()).require(200, "update goal");
            return ClosedLoop.Outcome.OK;
        });
    }

    private LoadResult get(int clients, List<Deque<String>> pools) throws Exception {
        return ClosedLoop.run(clients, phase, cpu, client -> () -> {
            Deque<String> pool = pools.get(client);
            String id = pool.pollFirst();
            pool.addLast(id);
            http.get("/api/v1/goals/" + id, users.get(client).token()).require(200, "get goal");
            return ClosedLoop.Outcome.OK;
        });
    }

    private LoadResult list(int clients) throws Exception {
        return ClosedLoop.run(clients, phase, cpu, client -> () -> {
            http.get("/api/v1/goals?page=1&size=20", users.get(client).token()).require(200, "list goals");
            return ClosedLoop.Outcome.OK;
        });
    }

    private LoadResult start(int clients, List<Deque<String>> pools) throws Exception {
        return ClosedLoop.run(clients, phase, cpu, client -> () -> {
            String id = pools.get(client).pollFirst();
            if (id == null) {
                return ClosedLoop.Outcome.DONE;
            }
            http.post("/api/v1/goals/" + id + "/start", null, users.get(client).token()).require(202, "start goal");
            return ClosedLoop.Outcome.OK;
        });
    }

    private static void record(Map<String, List<LoadResult>> results, String operation, LoadResult result) {
        results.computeIfAbsent(operation, key -> new ArrayList<>()).add(result);
        System.out.printf("%s at %d clients: %.1f ops/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", operation,
                result.clients(), result.opsPerSecond(), result.latencies().percentile(50),
                result.latencies().percentile(99), result.errors());
    }
}
