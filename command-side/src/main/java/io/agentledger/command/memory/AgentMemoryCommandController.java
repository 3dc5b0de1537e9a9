package io.agentledger.command.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.memory.Agents;
import io.agentledger.kernel.memory.MemoryCommands.StoreAgentMemory;
import io.agentledger.kernel.memory.MemoryQueries.FindAgentMemoryVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 003's memory.store: an entry in one agent's memory. */
@RestController
@PreAuthorize("hasAuthority('write:memory')")
public class AgentMemoryCommandController {

    static final int MAX_CONTENT_BYTES = 16 * 1024;
    static final long MAX_TTL_SECONDS = 366L * 24 * 3600;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final ObjectMapper json;
    private final Clock clock;

    public AgentMemoryCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                                        ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.json = json;
        this.clock = clock;
    }

    public record StoreRequest(@NotBlank @Pattern(regexp = "[a-z0-9_.:-]{1,100}",
            message = "must be 1 to 100 lowercase letters, digits or _.:-") String memoryType,
                               @NotNull Object content, @Min(1) @Max(MAX_TTL_SECONDS) Long ttl,
                               @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {
    }

    @PostMapping("/api/v1/agents/{agentId}/memory")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> store(@PathVariable String agentId, @Valid @RequestBody StoreRequest body,
                                     @AuthenticationPrincipal Caller caller) throws JsonProcessingException {
        if (!Agents.IDS.contains(agentId) && queries.query(new FindAgent(agentId, caller.tenantId()), AgentView.class)
                .join() == null) {
            throw DomainException.notFound("Agent " + agentId + " not found: neither an agent of yours nor one of "
                    + Agents.IDS);
        }
        if (json.writeValueAsBytes(body.content()).length > MAX_CONTENT_BYTES) {
            throw DomainException.invalid("content must be at most " + MAX_CONTENT_BYTES + " bytes of JSON");
        }
        Instant now = clock.instant();
        Instant expiresAt = body.ttl() == null ? null : now.plusSeconds(body.ttl());
        List<String> tags = body.tags() == null ? List.of() : body.tags().stream().map(String::strip).distinct()
                .toList();
        String memoryId = Ids.newId(IdPrefix.AGENT_MEMORY);
        commands.sendAndWait(new StoreAgentMemory(memoryId, caller.tenantId(), agentId, caller.userId(),
                body.memoryType(), body.content(), tags, expiresAt));
        readModel.awaitVersion(new FindAgentMemoryVersion(memoryId), 0);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", memoryId);
        stored.put("agent_id", agentId);
        stored.put("memory_type", body.memoryType());
        stored.put("content", body.content());
        stored.put("tags", tags);
        stored.put("stored_by", caller.userId());
        stored.put("created_at", now);
        stored.put("expires_at", expiresAt);
        return stored;
    }
}
