package io.agentledger.command.agent.work;

import io.agentledger.command.agent.build.AgentBuilder;
import io.agentledger.command.agent.execution.AgentExecutor;
import io.agentledger.command.agent.sandbox.PythonSandbox;
import io.agentledger.command.work.LeasedWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Threads that take builds and executions from the agent work queue. A worker holds a short lease and
 * renews it while it works, so the work of a node that died is taken up within a lease; an entry that
 * disappears while it runs (the execution was cancelled, on any node) stops its process.
 */
@Component
public class AgentWorkers extends LeasedWorkers<AgentWorkQueue.Work> {

    private static final Logger log = LoggerFactory.getLogger(AgentWorkers.class);

    private final AgentWorkQueue queue;
    private final AgentBuilder builder;
    private final AgentExecutor executor;
    private final PythonSandbox sandbox;
    private final int perTenant;
    private final Duration lease;

    public AgentWorkers(AgentWorkQueue queue, AgentBuilder builder, AgentExecutor executor, PythonSandbox sandbox,
                        @Value("${agentledger.agents.workers:4}") int count,
                        @Value("${agentledger.agents.max-concurrent-per-tenant:2}") int perTenant,
                        @Value("${agentledger.agents.lease:PT30S}") Duration lease,
                        @Value("${agentledger.agents.poll-interval:PT1S}") Duration pollInterval) {
        super("agent-worker", count, pollInterval, lease);
        this.queue = queue;
        this.builder = builder;
        this.executor = executor;
        this.sandbox = sandbox;
        this.perTenant = perTenant;
        this.lease = lease;
    }

    @Override
    protected void onStart() {
        queue.onWork(this::wakeUp);
    }

    @Override
    protected Optional<AgentWorkQueue.Work> claim(String worker) {
        return queue.claim(worker, lease, perTenant);
    }

    @Override
    protected void process(AgentWorkQueue.Work work, String worker) {
        if (AgentWorkQueue.BUILD.equals(work.kind())) {
            builder.build(work.tenantId(), work.agentId(), work.id());
        } else {
            executor.execute(work.id(), work.tenantId(), work.agentId(), worker);
        }
    }

    /** The entry is gone once its outcome is recorded; one still there is offered again, and a slot is free. */
    @Override
    protected void release(AgentWorkQueue.Work work, String worker) {
        queue.release(work.id(), worker, pollInterval());
        wakeUp();
    }

    @Override
    protected boolean renew(AgentWorkQueue.Work work, String worker) {
        return queue.renew(work.id(), worker, lease);
    }

    @Override
    protected void lost(AgentWorkQueue.Work work) {
        if (sandbox.cancel(work.id())) {
            log.info("Execution {} was cancelled or taken over: its process is stopped", work.id());
        }
    }

    /** The processes of executions in flight die with the node; the next claim fails those executions. */
    @Override
    protected void onStop() {
        inHand().forEach(work -> sandbox.cancel(work.id()));
    }
}
