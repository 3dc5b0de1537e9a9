package io.agentledger.command.task.workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task's shell command in its workspace: a process of its own session and group ({@code setsid}),
 * an environment holding nothing of the service's, resource limits ({@code ulimit}: CPU time, address
 * space, file size, open files, no core dumps), a wall-clock timeout after which the whole group is
 * killed, and output kept up to a bound.
 */
final class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    private static final String LIMITED = "ulimit -t \"$1\"; ulimit -v \"$2\"; ulimit -f \"$3\"; ulimit -n 256; "
            + "ulimit -c 0; exec /bin/sh -c \"$4\"";

    record Result(int exitCode, String output, boolean timedOut, boolean killed) {
    }

    private final Map<String, Process> running = new ConcurrentHashMap<>();

    Result run(String key, String command, Path workspace, Duration timeout, long memoryBytes, long fileBytes,
               int maxOutput) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "/bin/sh", "-c", LIMITED, "sh",
                String.valueOf(Math.max(1, timeout.toSeconds() + 1)), String.valueOf(memoryBytes / 1024),
                String.valueOf(Math.max(1, fileBytes / 512)), command)
                .directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", workspace.toString(),
                "TMPDIR", workspace.toString(), "LANG", "C.UTF-8"));
        Process process = builder.start();
        running.put(key, process);
        process.getOutputStream().close();
        BoundedOutput output = new BoundedOutput(process.getInputStream(), maxOutput);
        Thread drain = new Thread(output, "task-command-output");
        drain.setDaemon(true);
        drain.start();
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
            }
            process.waitFor(5, TimeUnit.SECONDS);
            drain.join(2000);
            boolean killed = running.remove(key) == null;
            return new Result(finished && !process.isAlive() ? process.exitValue() : -1, output.text(), !finished,
                    killed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, output.text(), false, true);
        } finally {
            running.remove(key);
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    boolean cancel(String key) {
        Process process = running.remove(key);
        if (process == null) {
            return false;
        }
        killTree(process);
        return true;
    }

    private static void killTree(Process process) {
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.debug("kill of process group {} failed: {}", process.pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads everything (so the process never blocks on a full pipe) and keeps the first {@code max} bytes. */
    private static final class BoundedOutput implements Runnable {

        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile long total;

        BoundedOutput(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = (int) Math.max(0, max - kept.size());
                        kept.write(buffer, 0, Math.min(room, read));
                    }
                    total += read;
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        String text() {
            synchronized (kept) {
                String text = kept.toString(StandardCharsets.UTF_8);
                return total > kept.size() ? text + "\n[output truncated: " + total + " bytes in all]" : text;
            }
        }
    }
}
