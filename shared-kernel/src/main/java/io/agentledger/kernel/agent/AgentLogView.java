package io.agentledger.kernel.agent;

import java.time.Instant;
import java.util.Map;

/** A log line as seed 001 shows it; {@code metadata} names the version or execution it belongs to. */
public record AgentLogView(Instant timestamp, String level, String message, String source,
                           Map<String, Object> metadata) {
}
