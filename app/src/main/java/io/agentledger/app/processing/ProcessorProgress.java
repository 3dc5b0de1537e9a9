package io.agentledger.app.processing;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/** Where a streaming processor stands: its slowest segment's position, and whether it caught up or replays. */
public record ProcessorProgress(long position, boolean caughtUp, boolean replaying) {

    public static ProcessorProgress of(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return new ProcessorProgress(
                status.values().stream().map(s -> s.getCurrentPosition().orElse(0L)).min(Long::compare).orElse(0L),
                !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp),
                status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
    }

    /** The position of the newest stored event, 0 for an empty store. */
    public static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
