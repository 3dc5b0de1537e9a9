package io.agentledger.query.agent;

import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.ListAgents;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.query.web.PageParams;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists take {@code page}/{@code size} and answer a page; seed 001's clients send {@code skip}/{@code limit}
 * and get the bare array they expect.
 */
@RestController
@RequestMapping("/api/v1/agents")
@PreAuthorize("hasAuthority('read:agents')")
public class AgentQueryController {

    static final int MAX_SEARCH = 200;

    private final AgentQueryHandler agents;

    public AgentQueryController(AgentQueryHandler agents) {
        this.agents = agents;
    }

    @GetMapping
    public Object list(@RequestParam(required = false) AgentStatus status,
                       @RequestParam(required = false) String search,
                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                       @RequestParam(required = false) Long skip, @RequestParam(required = false) Integer limit,
                       @AuthenticationPrincipal Caller caller) {
        if (search != null && search.length() > MAX_SEARCH) {
            throw DomainException.invalid("search must be at most " + MAX_SEARCH + " characters");
        }
        if (skip != null || limit != null) {
            if (page != null || size != null) {
                throw DomainException.invalid("page with size, or skip with limit: not both");
            }
            return agents.handle(new ListAgents(caller.tenantId(), status, search, Offsets.skip(skip),
                    Offsets.limit(limit))).items();
        }
        PageSpec spec = PageParams.of(page, size);
        return agents.handle(new ListAgents(caller.tenantId(), status, search, spec.offset(), spec.size()));
    }

    @GetMapping("/{agentId}")
    public ResponseEntity<AgentView> get(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        AgentView agent = agents.handle(new FindAgent(agentId, caller.tenantId()));
        if (agent == null) {
            throw DomainException.notFound("Agent " + agentId + " not found");
        }
        return ResponseEntity.ok().eTag("\"" + agent.version() + "\"").body(agent);
    }
}
