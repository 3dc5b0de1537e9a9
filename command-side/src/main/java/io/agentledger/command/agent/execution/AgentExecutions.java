package io.agentledger.command.agent.execution;

import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.ExecutionQueries.FindRunnableVersion;
import io.agentledger.kernel.agent.AgentQueries.ListPackageVersions;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.AgentVersionView;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.agent.ExecutionCommands.RequestExecution;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.kernel.agent.VersionStatus;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asking an agent to run (its newest ready version, a named one, or its configuration), and seed 003's shapes of the answer. */
@Component
public class AgentExecutions {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public AgentExecutions(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    public String request(String agentId, String version, Map<String, Object> input, Map<String, Object> command,
                           Duration timeout, Caller caller) {
        AgentView agent = queries.query(new FindAgent(agentId, caller.tenantId()), AgentView.class).join();
        if (agent == null) {
            throw DomainException.notFound("Agent " + agentId + " not found");
        }
        if (agent.status() == AgentStatus.ARCHIVED || !agent.isActive()) {
            throw DomainException.conflict("Agent " + agentId + " is " + (agent.isActive() ? "archived" : "inactive")
                    + " and does not run");
        }
        AgentVersionView runnable = queries.query(new FindRunnableVersion(agentId, caller.tenantId(), version),
                AgentVersionView.class).join();
        if (runnable == null && (version != null || hasPackages(agentId, caller))) {
            throw DomainException.conflict(version == null ? "Agent " + agentId + " has no ready version yet"
                    : "Agent " + agentId + " has no version " + version);
        }
        if (runnable != null && runnable.status() != VersionStatus.READY) {
            throw DomainException.conflict("Version " + runnable.version() + " is " + runnable.status().name()
                    .toLowerCase() + ", not ready");
        }
        String executionId = Ids.newId(IdPrefix.EXECUTION, clock);
        commands.sendAndWait(new RequestExecution(executionId, caller.tenantId(), agentId,
                runnable == null ? null : runnable.id(), runnable == null ? null : runnable.entrypoint(),
                caller.userId(), input, command, timeout.toMillis()));
        return executionId;
    }

    private boolean hasPackages(String agentId, Caller caller) {
        return !queries.query(new ListPackageVersions(agentId, caller.tenantId()),
                ResponseTypes.multipleInstancesOf(AgentVersionView.class)).join().isEmpty();
    }

    public static String paiosStatus(ExecutionStatus status) {
        return switch (status) {
            case PENDING -> "queued";
            case RUNNING -> "executing";
            case COMPLETED -> "completed";
            case FAILED, CANCELLED -> "failed";
        };
    }

    /** Seed 003's AgentResponse. */
    public static Map<String, Object> paiosResult(ExecutionView execution) {
        Map<String, Object> result = new LinkedHashMap<>();
        boolean completed = execution.status() == ExecutionStatus.COMPLETED;
        result.put("success", completed);
        Object output = execution.outputData();
        if (output instanceof Map<?, ?> map && map.containsKey("data") && map.containsKey("success")) {
            result.put("data", map.get("data"));
        } else {
            result.put("data", output);
        }
        if (!completed) {
            result.put("error", execution.errorMessage());
        }
        result.put("metadata", Map.of("execution_time", execution.durationMs() == null ? 0 : execution.durationMs(),
                "resources_used", List.of(execution.agentVersionId() == null ? "agent-runtime" : "sandbox")));
        return result;
    }
}
