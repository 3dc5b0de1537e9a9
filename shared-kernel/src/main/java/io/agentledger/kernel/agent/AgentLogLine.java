package io.agentledger.kernel.agent;

import java.time.Instant;

/** A line of an agent's build or runtime log; {@code source} is {@code build} or {@code runtime}. */
public record AgentLogLine(Instant timestamp, String level, String source, String message) {
}
