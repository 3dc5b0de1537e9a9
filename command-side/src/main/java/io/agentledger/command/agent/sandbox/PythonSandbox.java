package io.agentledger.command.agent.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs an agent package's entrypoint in a separate Python process: a fresh working directory, an empty
 * environment (nothing of the service's, no secrets), {@code python -I}, resource limits set by the
 * runner before the package is imported, a wall-clock timeout, and its own process group, which a
 * timeout or cancel kills whole. Output beyond the cap is dropped.
 */
@Component
public class PythonSandbox {

    private static final Logger log = LoggerFactory.getLogger(PythonSandbox.class);

    public enum Mode { CHECK, CALL }

    private final SandboxLimits limits;
    private final Path workRoot;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Process> running = new ConcurrentHashMap<>();
    private volatile Path runner;
    private volatile String interpreter;

    public PythonSandbox(SandboxLimits limits, @Value("${agentledger.data-dir:./data}") Path dataDir,
                         ObjectMapper json, Clock clock) {
        this.limits = limits;
        this.workRoot = dataDir.resolve("sandbox").toAbsolutePath().normalize();
        this.json = json;
        this.clock = clock;
    }

    /**
     * Imports {@code entrypoint} ({@code module.path:function}) from {@code packageDir} and, in
     * {@link Mode#CALL}, calls it with {@code payload}. {@code callId} lets {@link #cancel} find it.
     */
    public SandboxResult run(String callId, Path packageDir, String entrypoint, Object payload, Duration timeout,
                             Mode mode) {
        Instant started = clock.instant();
        Path work = null;
        Process process = null;
        OutputCollector output = new OutputCollector(limits.output().toBytes(), limits.maxLogLines(), clock);
        String nonce = UUID.randomUUID().toString();
        try {
            work = Files.createDirectories(workRoot).resolve(callId + "-" + nonce);
            Files.createDirectory(work);
            ProcessBuilder builder = new ProcessBuilder(interpreter(), "-I", runner().toString()).directory(work.toFile());
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", work.toString(),
                    "TMPDIR", work.toString(), "LANG", "C.UTF-8"));
            process = builder.start();
            running.put(callId, process);
            Thread stdout = output.drain(process.getInputStream(), "INFO", nonce);
            Thread stderr = output.drain(process.getErrorStream(), "ERROR", null);
            writeRequest(process.getOutputStream(), packageDir, entrypoint, payload, timeout, mode, nonce);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
            }
            process.waitFor(5, TimeUnit.SECONDS);
            stdout.join(2000);
            stderr.join(2000);
            boolean cancelled = running.remove(callId) == null;
            Duration took = Duration.between(started, clock.instant());
            return output.result(!finished, cancelled, finished ? process.exitValue() : -1, took, timeout);
        } catch (IOException e) {
            log.warn("Sandboxed call {} could not run: {}", callId, e.toString());
            return new SandboxResult(false, null, "the sandbox could not start: " + e.getMessage(), false, false, -1,
                    Duration.between(started, clock.instant()), output.lines(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SandboxResult(false, null, "interrupted", false, true, -1,
                    Duration.between(started, clock.instant()), output.lines(), false);
        } finally {
            running.remove(callId);
            if (process != null && process.isAlive()) {
                killTree(process);
            }
            deleteQuietly(work);
        }
    }

    /** Kills the call's whole process tree; false when no such call runs here. */
    public boolean cancel(String callId) {
        Process process = running.remove(callId);
        if (process == null) {
            return false;
        }
        killTree(process);
        return true;
    }

    public boolean isRunning(String callId) {
        return running.containsKey(callId);
    }

    private void writeRequest(OutputStream stdin, Path packageDir, String entrypoint, Object payload, Duration timeout,
                              Mode mode, String nonce) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("package", packageDir.toAbsolutePath().toString());
        request.put("entrypoint", entrypoint);
        request.put("payload", payload);
        request.put("nonce", nonce);
        request.put("mode", mode.name().toLowerCase());
        request.put("limits", Map.of("memory_bytes", limits.memory().toBytes(),
                "cpu_seconds", Math.max(1, timeout.toSeconds() + 1), "file_bytes", limits.fileSize().toBytes()));
        try (stdin) {
            stdin.write(json.writeValueAsBytes(request));
        } catch (IOException e) {
            // the process ended before reading its request; its output says why
        }
    }

    private static void killTree(Process process) {
        long pid = process.pid();
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.debug("kill of process group {} failed: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private Path runner() throws IOException {
        if (runner == null) {
            synchronized (this) {
                if (runner == null) {
                    Path dir = Files.createDirectories(workRoot);
                    Path file = dir.resolve("runner.py");
                    try (InputStream in = PythonSandbox.class.getResourceAsStream("/agent-sandbox/runner.py")) {
                        Files.write(file, in.readAllBytes());
                    }
                    runner = file;
                }
            }
        }
        return runner;
    }

    /** The interpreter's real path, asked once of the configured command with the service's own PATH. */
    private String interpreter() throws IOException {
        if (interpreter == null) {
            Process probe = new ProcessBuilder(limits.python(), "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            try {
                if (!probe.waitFor(20, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                    probe.destroyForcibly();
                    throw new IOException(limits.python() + " did not answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            interpreter = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        return interpreter;
    }

    /** Whether an interpreter can be found (for health and capabilities). */
    public Optional<String> interpreterPath() {
        try {
            return Optional.of(interpreter());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            log.debug("Could not remove {}: {}", dir, e.toString());
        }
    }
}
