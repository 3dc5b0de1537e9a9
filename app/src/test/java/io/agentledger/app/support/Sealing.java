package io.agentledger.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * An event takes its global position when the sealer chains it, a moment after its command's
 * commit; answers that read the goal, run or approval read models come before that. Tests that
 * read positions or count verified events wait here first.
 */
public final class Sealing {

    private Sealing() {
    }

    public static void awaitSealed(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index < 0", Long.class) == 0);
    }
}
