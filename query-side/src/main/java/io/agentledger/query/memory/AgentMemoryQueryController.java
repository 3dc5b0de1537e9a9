package io.agentledger.query.memory;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.memory.AgentMemoryView;
import io.agentledger.kernel.memory.Agents;
import io.agentledger.projection.agent.AgentViewRepository;
import io.agentledger.projection.memory.AgentMemoryRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Seed 003's memory.query: one agent's memory, newest first, without entries past their TTL. */
@RestController
@PreAuthorize("hasAuthority('read:memory')")
public class AgentMemoryQueryController {

    private final AgentMemoryRepository memory;
    private final AgentViewRepository agents;
    private final Clock clock;

    public AgentMemoryQueryController(AgentMemoryRepository memory, AgentViewRepository agents, Clock clock) {
        this.memory = memory;
        this.agents = agents;
        this.clock = clock;
    }

    @GetMapping("/api/v1/agents/{agentId}/memory")
    public Map<String, Object> query(@PathVariable String agentId,
                                     @RequestParam(name = "memory_type", required = false) String memoryType,
                                     @RequestParam(required = false) String tags,
                                     @RequestParam(required = false) String since,
                                     @RequestParam(required = false) Integer limit,
                                     @AuthenticationPrincipal Caller caller) {
        if (!Agents.IDS.contains(agentId) && agents.find(agentId, caller.tenantId()).isEmpty()) {
            throw DomainException.notFound("Agent " + agentId + " not found: neither an agent of yours nor one of "
                    + Agents.IDS);
        }
        if (limit != null && (limit < 1 || limit > MemoryQueryController.MAX_LIMIT)) {
            throw DomainException.invalid("limit must be between 1 and " + MemoryQueryController.MAX_LIMIT);
        }
        List<AgentMemoryView> items = memory.find(new AgentMemoryRepository.Query(caller.tenantId(), agentId,
                memoryType == null || memoryType.isBlank() ? null : memoryType.strip(),
                MemoryQueryController.list(tags), MemoryQueryController.instant("since", since, false),
                clock.instant(), limit == null ? 20 : limit));
        return Map.of("agent_id", agentId, "items", items, "count", items.size());
    }
}
