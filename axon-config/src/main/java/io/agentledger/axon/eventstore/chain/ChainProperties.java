package io.agentledger.axon.eventstore.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code agentledger.audit}: the key that signs chain checkpoints (at least 32 characters; when
 * empty, one made once and kept in {@code checkpointKeyFile}, by default {@code checkpoint.key} in the
 * data directory), and how often a checkpoint is taken.
 */
@ConfigurationProperties("agentledger.audit")
public record ChainProperties(String checkpointKey, Path checkpointKeyFile, Duration checkpointInterval) {

    public ChainProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
    }
}
