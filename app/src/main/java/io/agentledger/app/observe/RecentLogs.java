package io.agentledger.app.observe;

import ch.qos.logback.classic.Level;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Searches what {@link RecentLogsAppender} kept. */
@Component
public class RecentLogs {

    /** Newest first: at {@code minimum} level or above, within [{@code since}, {@code until}], at most {@code limit}. */
    public List<Map<String, Object>> find(Level minimum, Instant since, Instant until, String logger, int limit) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> entry : RecentLogsAppender.newestFirst()) {
            Instant at = (Instant) entry.get("timestamp");
            if (found.size() >= limit) {
                break;
            }
            if ((since == null || !at.isBefore(since)) && (until == null || !at.isAfter(until))
                    && Level.toLevel((String) entry.get("level")).isGreaterOrEqual(minimum)
                    && (logger == null || ((String) entry.get("logger")).startsWith(logger))) {
                found.add(entry);
            }
        }
        return found;
    }
}
