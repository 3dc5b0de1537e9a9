package io.agentledger.axon.eventstore.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code agentledger.audit}: the key that signs chain checkpoints (at least 32 characters; when
 * empty a random one is made at start-up, and checkpoints of earlier processes cannot be checked),
 * and how often a checkpoint is taken.
 */
@ConfigurationProperties("agentledger.audit")
public record ChainProperties(String checkpointKey, Duration checkpointInterval) {

    public ChainProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
    }
}
