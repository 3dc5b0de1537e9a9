package io.agentledger.app.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar agentledger.jar} with nothing configured starts like the build does, with its own
 * PostgreSQL and its own search node, and a stop leaves no process of it behind.
 */
class PackagedJarIT {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<ProcessHandle> processesUsing(Path dataDir) {
        String marker = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }

    @Test
    void theJarStartsZeroSetupWithItsOwnSearchNodeAndAStopLeavesNothingBehind() throws Exception {
        Path jar = Path.of("target", "agentledger.jar").toAbsolutePath();
        assertThat(jar).as("the packaged service (mvn package)").exists();
        Path dataDir = Path.of("target", "packaged-" + System.nanoTime()).toAbsolutePath();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.rsocket.server.port=" + freePort(), "--agentledger.live.websocket-port=" + freePort(),
                "--agentledger.socketio.port=0",
                "--agentledger.data-dir=" + dataDir, "--agentledger.embedded-postgres.durable=false",
                "--agentledger.search.embedded.heap=256m")
                .redirectErrorStream(true).redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ELASTICSEARCH_")
                || name.startsWith("DATABASE_") || name.equals("AXON_SERVER"));
        Files.createDirectories(dataDir);
        Process service = builder.start();
        try {
            Api api = new Api(port);
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> api.get("/health").status() == 200
                            && "up".equals(api.get("/health").body().path("components").path("search").path("status")
                            .asText()));
            Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", "jar@example.com",
                    "username", "jar", "password", "a long enough password", "full_name", "Jar"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            JsonNode health = api.get("/health").body().path("components");
            assertThat(health.path("database").path("status").asText()).isEqualTo("up");
            assertThat(Files.list(dataDir.resolve("search-node").resolve("lib")).count()).isGreaterThan(10);
            assertThat(dataDir.resolve("checkpoint.key")).exists();
            assertThat(processesUsing(dataDir)).as("its PostgreSQL and search node").hasSizeGreaterThanOrEqualTo(2);
        } finally {
            service.destroy();
            if (!service.waitFor(90, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processesUsing(dataDir))
                .as("processes left behind after the stop").isEmpty());
    }
}
