package io.agentledger.query.agent;

import io.agentledger.kernel.agent.AgentLogView;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentLogs;
import io.agentledger.kernel.agent.AgentQueries.FindAgentRuntimeStatus;
import io.agentledger.kernel.agent.AgentQueries.FindPackageVersion;
import io.agentledger.kernel.agent.AgentQueries.ListPackageVersions;
import io.agentledger.kernel.agent.AgentRuntimeStatus;
import io.agentledger.kernel.agent.AgentVersionView;
import io.agentledger.kernel.agent.ExecutionQueries.FindExecution;
import io.agentledger.kernel.agent.ExecutionQueries.ListExecutions;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.query.web.PageParams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an agent did: its package versions, executions (seed 001's {@code /runtime/executions}: a bare array
 * for {@code skip}/{@code limit} or none, a page for {@code page}/{@code size}), build and
 * runtime logs (001's {@code /logs}, 003's {@code /agents/{id}/logs}) and 003's status.
 */
@RestController
@PreAuthorize("hasAuthority('read:agents')")
public class AgentRuntimeQueryController {

    static final int MAX_LOG_LINES = 1000;
    private static final Set<String> SOURCES = Set.of("build", "runtime");

    private final AgentQueryHandler agents;

    public AgentRuntimeQueryController(AgentQueryHandler agents) {
        this.agents = agents;
    }

    @GetMapping("/api/v1/agents/{agentId}/versions")
    public List<AgentVersionView> versions(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        requireAgent(agentId, caller);
        return agents.handle(new ListPackageVersions(agentId, caller.tenantId()));
    }

    @GetMapping("/api/v1/agents/{agentId}/versions/{versionId}")
    public AgentVersionView version(@PathVariable String agentId, @PathVariable String versionId,
                                    @AuthenticationPrincipal Caller caller) {
        AgentVersionView version = agents.handle(new FindPackageVersion(versionId, caller.tenantId()));
        if (version == null || !version.agentId().equals(agentId)) {
            throw DomainException.notFound("Version " + versionId + " of agent " + agentId + " not found");
        }
        return version;
    }

    @GetMapping("/api/v1/agents/{agentId}/status")
    public AgentRuntimeStatus status(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        AgentRuntimeStatus status = agents.handle(new FindAgentRuntimeStatus(agentId, caller.tenantId()));
        if (status == null) {
            throw DomainException.notFound("Agent " + agentId + " not found");
        }
        return status;
    }

    @GetMapping({"/api/v1/logs/{agentId}", "/api/v1/agents/{agentId}/logs"})
    public List<AgentLogView> agentLogs(@PathVariable String agentId, @RequestParam(required = false) String source,
                                        @RequestParam(required = false) Integer limit,
                                        @AuthenticationPrincipal Caller caller) {
        requireAgent(agentId, caller);
        if (source != null && !SOURCES.contains(source)) {
            throw DomainException.invalid("source must be build or runtime");
        }
        return agents.handle(new FindAgentLogs(caller.tenantId(), agentId, null, source, lines(limit)));
    }

    @GetMapping("/api/v1/logs/executions/{executionId}/logs")
    public List<AgentLogView> executionLogs(@PathVariable String executionId,
                                            @RequestParam(required = false) Integer limit,
                                            @AuthenticationPrincipal Caller caller) {
        execution(executionId, caller);
        return agents.handle(new FindAgentLogs(caller.tenantId(), null, executionId, null, lines(limit)));
    }

    @GetMapping("/api/v1/runtime/executions")
    public Object executions(@RequestParam(name = "agent_id", required = false) String agentId,
                             @RequestParam(name = "agent_version_id", required = false) String agentVersionId,
                             @RequestParam(required = false) ExecutionStatus status,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                             @RequestParam(required = false) Long skip, @RequestParam(required = false) Integer limit,
                             @AuthenticationPrincipal Caller caller) {
        if (page != null || size != null) {
            if (skip != null || limit != null) {
                throw DomainException.invalid("page with size, or skip with limit: not both");
            }
            PageSpec spec = PageParams.of(page, size);
            ListExecutions query = new ListExecutions(caller.tenantId(), agentId, agentVersionId, status,
                    spec.offset(), spec.size());
            long total = agents.count(query);
            return Map.of("items", agents.handle(query), "total", total, "page", spec.page(), "size", spec.size(),
                    "pages", spec.pages(total));
        }
        return agents.handle(new ListExecutions(caller.tenantId(), agentId, agentVersionId, status,
                Offsets.skip(skip), Offsets.limit(limit)));
    }

    @GetMapping("/api/v1/runtime/executions/{executionId}")
    public ExecutionView execution(@PathVariable String executionId, @AuthenticationPrincipal Caller caller) {
        ExecutionView execution = agents.handle(new FindExecution(executionId, caller.tenantId()));
        if (execution == null) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
        return execution;
    }

    private void requireAgent(String agentId, Caller caller) {
        if (agents.handle(new FindAgent(agentId, caller.tenantId())) == null) {
            throw DomainException.notFound("Agent " + agentId + " not found");
        }
    }

    private static int lines(Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LOG_LINES)) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LOG_LINES);
        }
        return limit == null ? MAX_LOG_LINES : limit;
    }
}
