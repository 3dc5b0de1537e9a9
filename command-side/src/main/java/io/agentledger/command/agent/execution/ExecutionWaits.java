package io.agentledger.command.agent.execution;

import io.agentledger.kernel.agent.ExecutionQueries.FindExecution;
import io.agentledger.kernel.agent.ExecutionView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** Waits for an agent execution to end, reading its read model (written in the command's transaction). */
@Component
public class ExecutionWaits {

    private final QueryGateway queries;
    private final Clock clock;

    public ExecutionWaits(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The execution once it ended, or as it stands at {@code deadline}; null when it is not there. */
    public ExecutionView until(String executionId, String tenantId, Instant deadline) {
        ExecutionView execution = find(executionId, tenantId);
        while ((execution == null || !execution.status().ended()) && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            execution = find(executionId, tenantId);
        }
        return execution;
    }

    public ExecutionView find(String executionId, String tenantId) {
        return queries.query(new FindExecution(executionId, tenantId), ExecutionView.class).join();
    }
}
