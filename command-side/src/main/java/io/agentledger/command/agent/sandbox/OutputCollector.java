package io.agentledger.command.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a sandboxed process's stdout and stderr into log lines, keeping at most {@code maxBytes} and
 * {@code maxLines} of them (the rest is read and dropped, so the process never blocks on a full pipe),
 * and picks out the runner's result line.
 */
final class OutputCollector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_RESULT = 1024 * 1024;

    private final long maxBytes;
    private final int maxLines;
    private final Clock clock;
    private final List<LogLine> lines = new ArrayList<>();
    private final AtomicLong kept = new AtomicLong();
    private volatile boolean truncated;
    private volatile JsonNode resultLine;

    OutputCollector(long maxBytes, int maxLines, Clock clock) {
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
        this.clock = clock;
    }

    Thread drain(InputStream stream, String level, String nonce) {
        Thread reader = new Thread(() -> read(stream, level, nonce), "sandbox-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private void read(InputStream stream, String level, String nonce) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (nonce != null && line.startsWith(nonce + " ") && line.length() <= MAX_RESULT) {
                    resultLine = JSON.readTree(line.substring(nonce.length() + 1));
                    continue;
                }
                keep(level, line);
            }
        } catch (IOException e) {
            // the process was killed mid-line: what was read is kept
        }
    }

    private synchronized void keep(String level, String line) {
        String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
        if (lines.size() >= maxLines || kept.addAndGet(text.length()) > maxBytes) {
            truncated = true;
            return;
        }
        lines.add(new LogLine(clock.instant(), level, text));
    }

    synchronized List<LogLine> lines() {
        return List.copyOf(lines);
    }

    SandboxResult result(boolean timedOut, boolean cancelled, int exitCode, Duration took, Duration timeout) {
        JsonNode answer = resultLine;
        if (cancelled) {
            return new SandboxResult(false, null, "cancelled", false, true, exitCode, took, lines(), truncated);
        }
        if (timedOut) {
            return new SandboxResult(false, null, "timed out after " + timeout.toMillis() + " ms", true, false,
                    exitCode, took, lines(), truncated);
        }
        if (answer == null) {
            return new SandboxResult(false, null, "the process ended (exit " + exitCode + ") without a result: "
                    + "killed by a limit, or it exited on its own", false, false, exitCode, took, lines(), truncated);
        }
        boolean ok = answer.path("ok").asBoolean(false);
        Object result = ok ? JSON.convertValue(answer.get("result"), Object.class) : null;
        return new SandboxResult(ok, result, ok ? null : answer.path("error").asText("failed"), false, false,
                exitCode, took, lines(), truncated);
    }
}
