package io.agentledger.axon.notify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ConnectionLoopTest {

    private final Connection connection = mock(Connection.class);
    private final DataSource dataSource = mock(DataSource.class);
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final Semaphore next = new Semaphore(0);
    private final Semaphore rounds = new Semaphore(0);
    private final List<Thread> roundThreads = new CopyOnWriteArrayList<>();
    private ConnectionLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void setsUpOnceOnTheHeldConnectionThenRunsARoundAfterEachWait() throws Exception {
        when(dataSource.getConnection()).thenReturn(connection);
        loop = loop("test-loop");
        loop.start();

        awaitRounds(1);
        next.release();
        awaitRounds(1);
        next.release();
        awaitRounds(1);

        assertThat(steps).startsWith("connected", "round", "wait", "round", "wait", "round");
        verify(dataSource).getConnection();
        verify(connection).setAutoCommit(true);
    }

    @Test
    void takesTheConnectionAgainAfterItFailed() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        when(dataSource.getConnection()).thenAnswer(invocation -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("database away");
            }
            return connection;
        });
        loop = loop("test-loop");
        loop.start();

        awaitRounds(1);

        assertThat(attempts).hasValue(2);
        assertThat(steps).startsWith("connected", "round");
    }

    @Test
    void aStopEndsTheLoopAndItsWaitAndClosesTheConnection() throws Exception {
        when(dataSource.getConnection()).thenReturn(connection);
        loop = loop("test-loop");
        loop.start();
        awaitRounds(1);

        loop.stop(Duration.ofSeconds(2));

        assertThat(loop.running()).isFalse();
        verify(connection).close();
        int seen = steps.size();
        next.release(3);
        Thread.sleep(100);
        assertThat(steps).hasSize(seen);
    }

    @Test
    void afterAStopAndAStartOnlyTheNewThreadRunsRounds() throws Exception {
        when(dataSource.getConnection()).thenReturn(connection);
        loop = loop("test-loop");
        loop.start();
        awaitRounds(1);
        Thread first = roundThreads.get(0);
        loop.stop(Duration.ZERO);
        loop.start();
        awaitRounds(1);

        next.release(2);
        awaitRounds(2);

        first.join(2000);
        assertThat(first.isAlive()).isFalse();
        assertThat(roundThreads.subList(1, roundThreads.size())).hasSize(3).doesNotContain(first)
                .containsOnly(roundThreads.get(1));
    }

    private ConnectionLoop loop(String name) {
        return new ConnectionLoop(dataSource, name, c -> steps.add("connected"), c -> {
            steps.add("round");
            roundThreads.add(Thread.currentThread());
            rounds.release();
        }, c -> {
            steps.add("wait");
            next.acquire();
        });
    }

    private void awaitRounds(int count) throws InterruptedException {
        assertThat(rounds.tryAcquire(count, 5, TimeUnit.SECONDS)).as("round ran").isTrue();
    }
}
