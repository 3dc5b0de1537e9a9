package io.agentledger.command.agent.work;

import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildFailed;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuilt;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionUploaded;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCancelled;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCompleted;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionFailed;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds and executions that have work to do, kept in the same transaction as their events
 * (subscribing processor). Workers lease entries; executions of one tenant are leased at most
 * {@code perTenant} at a time, the others wait their turn.
 */
@Component
@ProcessingGroup(AgentWorkQueue.GROUP)
public class AgentWorkQueue {

    public static final String GROUP = "agent-work-queue";
    static final String BUILD = "build";
    static final String EXECUTION = "execution";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private volatile Runnable onWork = () -> { };

    public AgentWorkQueue(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void onWork(Runnable listener) {
        onWork = listener;
    }

    @EventHandler
    void on(AgentVersionUploaded event) {
        enqueue(event.versionId(), BUILD, event.tenantId(), event.agentId());
    }

    @EventHandler
    void on(AgentVersionBuilt event) {
        remove(event.versionId());
    }

    @EventHandler
    void on(AgentVersionBuildFailed event) {
        remove(event.versionId());
    }

    @EventHandler
    void on(ExecutionRequested event) {
        enqueue(event.executionId(), EXECUTION, event.tenantId(), event.agentId());
    }

    @EventHandler
    void on(ExecutionCompleted event) {
        remove(event.executionId());
    }

    @EventHandler
    void on(ExecutionFailed event) {
        remove(event.executionId());
    }

    @EventHandler
    void on(ExecutionCancelled event) {
        remove(event.executionId());
    }

    private void enqueue(String id, String kind, String tenantId, String agentId) {
        jdbc.update("INSERT INTO agent_work (id, kind, tenant_id, agent_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", id, kind, tenantId, agentId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> onWork.run());
        }
    }

    private void remove(String id) {
        jdbc.update("DELETE FROM agent_work WHERE id = ?", id);
    }

    /** Claims one entry at a time (an advisory lock), so the per-tenant bound holds across workers and nodes. */
    Optional<Work> claim(String worker, Duration lease, int perTenant) {
        return transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('agent-work-claim'))");
            List<Work> claimed = jdbc.query("UPDATE agent_work SET claimed_by = ?, "
                    + "lease_until = now() + make_interval(secs => ?) WHERE id = (SELECT w.id FROM agent_work w "
                    + "WHERE (w.lease_until IS NULL OR w.lease_until < now()) AND (w.kind = 'build' OR (SELECT count(*) "
                    + "FROM agent_work c WHERE c.tenant_id = w.tenant_id AND c.kind = 'execution' AND c.id <> w.id "
                    + "AND c.claimed_by IS NOT NULL AND c.lease_until > now()) < ?) ORDER BY w.enqueued_at LIMIT 1 "
                    + "FOR UPDATE SKIP LOCKED) RETURNING id, kind, tenant_id, agent_id",
                    (rs, i) -> new Work(rs.getString("id"), rs.getString("kind"), rs.getString("tenant_id"),
                            rs.getString("agent_id")), worker, seconds(lease), perTenant);
            return claimed.stream().findFirst();
        });
    }

    /** @return false when the entry is gone or belongs to another worker now */
    boolean renew(String id, String worker, Duration lease) {
        return jdbc.update("UPDATE agent_work SET lease_until = now() + make_interval(secs => ?) "
                + "WHERE id = ? AND claimed_by = ?", seconds(lease), id, worker) == 1;
    }

    /** Hands the entry back (if it is still there) to be taken up again after {@code delay}. */
    void release(String id, String worker, Duration delay) {
        jdbc.update("UPDATE agent_work SET claimed_by = NULL, lease_until = now() + make_interval(secs => ?) "
                + "WHERE id = ? AND claimed_by = ?", seconds(delay), id, worker);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    record Work(String id, String kind, String tenantId, String agentId) {
    }
}
