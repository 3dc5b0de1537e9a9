package io.agentledger.command.run.engine;

import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.RunResumed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The runs that have work to do, kept in the same transaction as their events (subscribing
 * processor): a run enters when it is created or resumed and leaves when it pauses or ends. Workers
 * lease entries, so a run whose worker died is taken up by another when the lease runs out.
 */
@Component
@ProcessingGroup(RunWorkQueue.GROUP)
public class RunWorkQueue {

    public static final String GROUP = "run-work-queue";

    private final JdbcTemplate jdbc;
    private volatile Runnable onWork = () -> { };

    public RunWorkQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void onWork(Runnable listener) {
        onWork = listener;
    }

    @EventHandler
    void on(RunCreated event) {
        enqueue(event.runId(), event.tenantId());
    }

    @EventHandler
    void on(RunResumed event) {
        enqueue(event.runId(), event.tenantId());
    }

    @EventHandler
    void on(RunPaused event) {
        remove(event.runId());
    }

    @EventHandler
    void on(RunCompleted event) {
        remove(event.runId());
    }

    @EventHandler
    void on(RunFailed event) {
        remove(event.runId());
    }

    @EventHandler
    void on(RunCancelled event) {
        remove(event.runId());
    }

    private void enqueue(String runId, String tenantId) {
        jdbc.update("INSERT INTO run_work (run_id, tenant_id) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE "
                + "SET claimed_by = NULL, lease_until = NULL, enqueued_at = now()", runId, tenantId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> onWork.run());
        }
    }

    private void remove(String runId) {
        jdbc.update("DELETE FROM run_work WHERE run_id = ?", runId);
    }

    Optional<String> claim(String worker, Duration lease) {
        List<String> claimed = jdbc.queryForList("UPDATE run_work SET claimed_by = ?, "
                + "lease_until = now() + make_interval(secs => ?) WHERE run_id = (SELECT run_id FROM run_work "
                + "WHERE lease_until IS NULL OR lease_until < now() ORDER BY enqueued_at LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED) RETURNING run_id", String.class, worker, (double) lease.toMillis() / 1000);
        return claimed.stream().findFirst();
    }

    /** @return false when the entry is gone or belongs to another worker now */
    boolean renew(String runId, String worker, Duration lease) {
        return jdbc.update("UPDATE run_work SET lease_until = now() + make_interval(secs => ?) "
                + "WHERE run_id = ? AND claimed_by = ?", (double) lease.toMillis() / 1000, runId, worker) == 1;
    }

    /** Hands the entry back (if it is still there) to be taken up again after {@code delay}. */
    void release(String runId, String worker, Duration delay) {
        jdbc.update("UPDATE run_work SET claimed_by = NULL, lease_until = now() + make_interval(secs => ?) "
                + "WHERE run_id = ? AND claimed_by = ?", (double) delay.toMillis() / 1000, runId, worker);
    }
}
