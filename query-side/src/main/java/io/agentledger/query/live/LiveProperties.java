package io.agentledger.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code window}: how many of the newest events the node keeps in memory for its live subscribers
 * (shared by all; a subscriber that falls further behind is told so); {@code batch}: events read
 * per step; {@code pollInterval}: how long the feed waits for a notification before it looks anyway.
 */
@ConfigurationProperties("agentledger.live")
public record LiveProperties(Integer window, Integer batch, Duration pollInterval) {

    public LiveProperties {
        window = window == null ? 4096 : window;
        batch = batch == null ? 256 : batch;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        if (window < 16 || batch < 1 || batch > window) {
            throw new IllegalArgumentException("agentledger.live: window must be at least 16 and batch between 1 "
                    + "and the window");
        }
    }
}
