package io.agentledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the zero-setup PostgreSQL on its data directory. After a crash (kill -9 of the service) it
 * first stops the server the dead service left running, then waits as long as crash recovery takes
 * (up to {@code startupWait}), saying so in the log while it waits.
 */
public final class EmbeddedPostgresStarter {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private EmbeddedPostgresStarter() {
    }

    public static EmbeddedPostgres start(Path directory, boolean durable, boolean clean, Duration startupWait)
            throws IOException {
        return start(directory, durable, clean, startupWait, EmbeddedPostgresMemory.MIN_MB);
    }

    public static EmbeddedPostgres start(Path directory, boolean durable, boolean clean, Duration startupWait,
                                         long sharedBuffersMb) throws IOException {
        Files.createDirectories(directory.getParent());
        if (!clean) {
            stopLeftOverServer(directory, startupWait);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(clean)
                .setPGStartupWait(startupWait)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", sharedBuffersMb + "MB");
        if (durable) {
            // zonky's default is off, which acknowledges commits a crash can still lose
            builder.setServerConfig("synchronous_commit", "on");
        } else {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        Instant started = Instant.now();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "postgres-start-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> log.info("Still waiting for PostgreSQL to start after {} s (crash "
                        + "recovery can take a while; giving up after {})",
                Duration.between(started, Instant.now()).toSeconds(), startupWait),
                PROGRESS_INTERVAL.toSeconds(), PROGRESS_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        try {
            return builder.start();
        } finally {
            progress.shutdownNow();
        }
    }

    /** A postmaster still running on this directory belongs to a service that died: ask it to shut down. */
    static void stopLeftOverServer(Path directory, Duration wait) throws IOException {
        Optional<ProcessHandle> server = leftOverServer(directory);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = server.get();
        log.warn("A PostgreSQL server (pid {}) from an earlier run is still running on {}: shutting it down",
                postmaster.pid(), directory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("The PostgreSQL server left running on " + directory + " (pid " + postmaster.pid()
                    + ") did not stop within " + wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the old PostgreSQL server to stop", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    static Optional<ProcessHandle> leftOverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String dataDirectory = lines.get(1).trim();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                        .orElse(false))
                .filter(process -> samePath(dataDirectory, directory));
    }

    private static boolean samePath(String recorded, Path directory) {
        try {
            return Path.of(recorded).toRealPath().equals(directory.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
