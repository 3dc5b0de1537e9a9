package io.agentledger.query.agent;

import io.agentledger.kernel.agent.AgentPage;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentByNumber;
import io.agentledger.kernel.agent.AgentQueries.FindAgentVersion;
import io.agentledger.kernel.agent.AgentQueries.ListAgents;
import io.agentledger.kernel.agent.AgentLogView;
import io.agentledger.kernel.agent.AgentQueries.FindAgentLogs;
import io.agentledger.kernel.agent.AgentQueries.FindAgentRuntimeStatus;
import io.agentledger.kernel.agent.AgentQueries.FindPackageVersion;
import io.agentledger.kernel.agent.AgentQueries.ListPackageVersions;
import io.agentledger.kernel.agent.AgentRuntimeStatus;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.AgentVersionView;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.agent.ExecutionQueries.FindExecution;
import io.agentledger.kernel.agent.ExecutionQueries.FindExecutionVersion;
import io.agentledger.kernel.agent.ExecutionQueries.FindRunnableVersion;
import io.agentledger.kernel.agent.ExecutionQueries.ListExecutions;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.projection.agent.AgentExecutionRepository;
import io.agentledger.projection.agent.AgentLogRepository;
import io.agentledger.projection.agent.AgentVersionRepository;
import io.agentledger.projection.agent.AgentViewRepository;

import java.time.Clock;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class AgentQueryHandler {

    private final AgentViewRepository agents;
    private final AgentVersionRepository versions;
    private final AgentExecutionRepository executions;
    private final AgentLogRepository logs;
    private final Clock clock;

    public AgentQueryHandler(AgentViewRepository agents, AgentVersionRepository versions,
                             AgentExecutionRepository executions, AgentLogRepository logs, Clock clock) {
        this.agents = agents;
        this.versions = versions;
        this.executions = executions;
        this.logs = logs;
        this.clock = clock;
    }

    @QueryHandler
    public AgentView handle(FindAgent query) {
        return agents.find(query.agentId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public AgentView handle(FindAgentByNumber query) {
        return agents.findByNumber(query.agentNumber(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindAgentVersion query) {
        return agents.version(query.agentId());
    }

    @QueryHandler
    public AgentPage handle(ListAgents query) {
        return agents.list(query);
    }

    @QueryHandler
    public AgentVersionView handle(FindPackageVersion query) {
        return versions.find(query.versionId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public List<AgentVersionView> handle(ListPackageVersions query) {
        return versions.ofAgent(query.agentId(), query.tenantId());
    }

    @QueryHandler
    public AgentVersionView handle(FindRunnableVersion query) {
        return versions.runnable(query.agentId(), query.tenantId(), query.versionLabelOrId()).orElse(null);
    }

    @QueryHandler
    public ExecutionView handle(FindExecution query) {
        return executions.find(query.executionId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindExecutionVersion query) {
        return executions.version(query.executionId());
    }

    @QueryHandler
    public List<ExecutionView> handle(ListExecutions query) {
        return executions.list(query);
    }

    public long count(ListExecutions query) {
        return executions.count(query);
    }

    @QueryHandler
    public List<AgentLogView> handle(FindAgentLogs query) {
        return logs.find(query);
    }

    /** Null when the agent is not the tenant's. */
    @QueryHandler
    public AgentRuntimeStatus handle(FindAgentRuntimeStatus query) {
        return agents.find(query.agentId(), query.tenantId()).map(agent -> executions.status(agent.id(),
                !agent.isActive() || agent.status() == AgentStatus.ARCHIVED, clock.instant())).orElse(null);
    }
}
