package io.agentledger.command.agent.sandbox;

import java.time.Instant;

/** A line a sandboxed process wrote: stdout at INFO, stderr at ERROR. */
public record LogLine(Instant at, String level, String message) {
}
