package io.agentledger.command.memory;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code ttl-day}: how long one day of {@code ttl_days} lasts (tests shorten it; production keeps P1D). */
@ConfigurationProperties("agentledger.memory")
public record MemoryProperties(Duration ttlDay) {

    public MemoryProperties {
        ttlDay = ttlDay == null ? Duration.ofDays(1) : ttlDay;
    }
}
