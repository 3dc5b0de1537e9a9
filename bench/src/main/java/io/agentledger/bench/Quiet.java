package io.agentledger.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/** Waits until the service has stopped appending events (runs started by a phase have settled) and its projections have caught up. */
final class Quiet {

    private static final Duration STILL = Duration.ofSeconds(2);
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private Quiet() {
    }

    static long head(Connection store) throws Exception {
        try (Statement statement = store.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    static void await(Connection store, Http http, String adminToken) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long head = head(store);
        long stillSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = head(store);
            if (now != head) {
                head = now;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince >= STILL.toNanos() && caughtUp(http, adminToken, head)) {
                return;
            }
        }
        System.out.println("the service did not settle within " + LIMIT + "; going on");
    }

    static boolean caughtUp(Http http, String adminToken, long head) {
        Http.Response projections = http.get("/api/v1/admin/projections", adminToken).require(200, "projections");
        for (var projection : projections.body().path("items")) {
            if (projection.path("position").asLong() < head) {
                return false;
            }
        }
        return true;
    }
}
