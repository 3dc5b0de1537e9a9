package io.agentledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the service leaves its PostgreSQL running, orphaned, on the data directory. The next
 * start stops that server, waits for recovery, and finds every committed row.
 */
class CrashRestartIT {

    @Test
    void aRestartAfterKillNineStopsTheOrphanedServerAndKeepsTheData() throws Exception {
        Path directory = Path.of("target", "crash-restart-" + System.nanoTime(), "postgres").toAbsolutePath();
        Process service = holder(directory, "before the crash");
        long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());

        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned server").contains(true);
        assertThat(EmbeddedPostgresStarter.leftOverServer(directory)).isPresent();

        try (EmbeddedPostgres restarted = EmbeddedPostgresStarter.start(directory, true, false,
                Duration.ofMinutes(2))) {
            List<String> rows = new org.springframework.jdbc.core.JdbcTemplate(restarted.getPostgresDatabase())
                    .queryForList("SELECT value FROM survivor", String.class);
            assertThat(rows).containsExactly("before the crash");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
        assertThat(EmbeddedPostgresStarter.leftOverServer(directory)).as("a stop leaves no server behind").isEmpty();
    }

    @Test
    void aServerKilledMidWriteRecoversOnTheNextStart() throws Exception {
        Path directory = Path.of("target", "crash-recovery-" + System.nanoTime(), "postgres").toAbsolutePath();
        Process service = holder(directory, "committed");
        long postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());

        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());

        try (EmbeddedPostgres recovered = EmbeddedPostgresStarter.start(directory, true, false,
                Duration.ofMinutes(2))) {
            assertThat(new org.springframework.jdbc.core.JdbcTemplate(recovered.getPostgresDatabase())
                    .queryForList("SELECT value FROM survivor", String.class)).containsExactly("committed");
        }
    }

    private static Process holder(Path directory, String value) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PostgresHolder.class.getName(), directory.toString(), value).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        String line;
        while ((line = output.readLine()) != null && !"ready".equals(line.trim())) {
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        assertThat(line).as("the holder process started its PostgreSQL").isEqualTo("ready");
        return process;
    }
}
