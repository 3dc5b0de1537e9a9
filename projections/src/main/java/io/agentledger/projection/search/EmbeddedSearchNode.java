package io.agentledger.projection.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real Elasticsearch node in a JVM of its own (module {@code search-node}), on 127.0.0.1, with its data
 * in {@code home}. It keeps its port across {@link #stop()} and {@link #start()}, and exits by itself when
 * this JVM goes away (it runs until its standard input closes).
 */
public class EmbeddedSearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchNode.class);
    private static final String MAIN = "io.agentledger.searchnode.SearchNodeMain";
    private static final String READY = "search-node ready on port ";
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String classpath;
    private final Path home;
    private final String heap;
    private final int port;
    private Process process;

    public EmbeddedSearchNode(String classpath, Path home, String heap, int port) {
        this.classpath = classpath;
        this.home = home.toAbsolutePath().normalize();
        this.heap = heap;
        this.port = port == 0 ? freePort() : port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (running()) {
            return;
        }
        try {
            Files.createDirectories(home);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms" + heap, "-Xmx" + heap,
                    "-XX:+UseSerialGC", "-Dlog4j2.disable.jmx=true", "-cp", classpath, MAIN, home.toString(),
                    String.valueOf(port))).redirectErrorStream(true);
            // the service's environment holds its secrets (database password, keys): the node gets none of it
            String path = System.getenv("PATH");
            builder.environment().clear();
            if (path != null) {
                builder.environment().put("PATH", path);
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Elasticsearch node", e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Deque<String> lastLines = new ArrayDeque<>();
        Process started = process;
        Thread reader = new Thread(() -> follow(started, ready, lastLines), "search-node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(STARTUP.toSeconds(), TimeUnit.SECONDS) || !started.isAlive()) {
                stop();
                throw new IllegalStateException("The embedded Elasticsearch node did not start: "
                        + String.join(" | ", snapshot(lastLines)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while the search node started", e);
        }
        log.info("Embedded Elasticsearch on {}, data in {}", url(), home);
    }

    /** Stops the node and waits until its process has gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try (OutputStream input = process.getOutputStream()) {
            input.flush();
        } catch (IOException ignored) {
            // the node is gone already
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void follow(Process process, CountDownLatch ready, Deque<String> lastLines) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(READY)) {
                    ready.countDown();
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 20) {
                        lastLines.removeFirst();
                    }
                }
                log.debug("search-node: {}", line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        ready.countDown();
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
