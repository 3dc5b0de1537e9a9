package io.agentledger.query.agent;

import io.agentledger.kernel.agent.AgentPage;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentVersion;
import io.agentledger.kernel.agent.AgentQueries.ListAgents;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.projection.agent.AgentViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class AgentQueryHandler {

    private final AgentViewRepository agents;

    public AgentQueryHandler(AgentViewRepository agents) {
        this.agents = agents;
    }

    @QueryHandler
    public AgentView handle(FindAgent query) {
        return agents.find(query.agentId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindAgentVersion query) {
        return agents.version(query.agentId());
    }

    @QueryHandler
    public AgentPage handle(ListAgents query) {
        return agents.list(query);
    }
}
