package io.agentledger.command.run.engine;

import io.agentledger.command.work.LeaseTable;
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

    private final LeaseTable table;
    private volatile Runnable onWork = () -> { };

    public RunWorkQueue(JdbcTemplate jdbc) {
        this.table = new LeaseTable(jdbc, "run_work", "run_id");
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
        table.enqueue(runId, tenantId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> onWork.run());
        }
    }

    private void remove(String runId) {
        table.remove(runId);
    }

    Optional<String> claim(String worker, Duration lease) {
        return table.claim(worker, lease);
    }

    /** @return false when the entry is gone or belongs to another worker now */
    boolean renew(String runId, String worker, Duration lease) {
        return table.renew(runId, worker, lease);
    }

    /** Hands the entry back (if it is still there) to be taken up again after {@code delay}. */
    void release(String runId, String worker, Duration delay) {
        table.release(runId, worker, delay);
    }
}
