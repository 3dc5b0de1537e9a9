package io.agentledger.query.live;

import java.time.Instant;
import java.util.Map;

/**
 * What every live route sends: the seeds' message {@code type} and {@code data}, the global
 * {@code position} of the event it comes from (to resume after) and when that event happened.
 */
public record LiveMessage(String type, Map<String, Object> data, long position, Instant timestamp) {

    static LiveMessage of(String type, FeedEvent event, Map<String, Object> data) {
        return new LiveMessage(type, data, event.position(), event.timestamp());
    }
}
