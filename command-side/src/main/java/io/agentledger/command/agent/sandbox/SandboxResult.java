package io.agentledger.command.agent.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How a sandboxed call ended. {@code result} is what the entrypoint returned (JSON-shaped), set when
 * {@code ok}; otherwise {@code error} says why. {@code truncated}: output beyond the cap was dropped.
 */
public record SandboxResult(boolean ok, Object result, String error, boolean timedOut, boolean cancelled,
                            int exitCode, Duration duration, List<LogLine> logs, boolean truncated) {
}
