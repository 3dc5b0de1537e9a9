package io.agentledger.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds every projection at once through the admin API and times it until the slowest has reached the head. */
final class ReplayBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(30);

    private ReplayBenchmark() {
    }

    static Map<String, Object> run(Http http, String adminToken, Connection store) throws Exception {
        long head = Quiet.head(store);
        List<String> names = new ArrayList<>();
        for (JsonNode projection : http.get("/api/v1/admin/projections", adminToken).require(200, "projections")
                .body().path("items")) {
            names.add(projection.path("name").asText());
        }
        long begin = System.nanoTime();
        Http.Response together = http.post("/api/v1/admin/projections/replay", Map.of("projections", names), adminToken);
        if (together.status() != 202) {
            // a service from before the rebuild in one pass: one replay per projection
            for (String name : names) {
                http.post("/api/v1/admin/projections/" + name + "/replay", null, adminToken)
                        .require(202, "replay " + name);
            }
        }
        long deadline = begin + LIMIT.toNanos();
        while (!Quiet.caughtUp(http, adminToken, head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replay did not finish within " + LIMIT);
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", head);
        result.put("projections", names.size());
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("events_per_second", Math.round(head / seconds));
        System.out.printf("replayed %d projections over %,d events in %.1f s: %,.0f events/s%n", names.size(), head,
                seconds, head / seconds);
        return result;
    }
}
