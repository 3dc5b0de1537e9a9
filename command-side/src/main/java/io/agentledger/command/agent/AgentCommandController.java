package io.agentledger.command.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.web.IfMatch;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.agent.AgentCommands.ArchiveAgent;
import io.agentledger.kernel.agent.AgentCommands.RegisterAgent;
import io.agentledger.kernel.agent.AgentCommands.UpdateAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentVersion;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** Seed 001's and seed 003's agent registry: PATCH (001) and PUT (003) both update; DELETE archives. */
@RestController
@RequestMapping("/api/v1/agents")
@PreAuthorize("hasAuthority('write:agents')")
public class AgentCommandController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final AgentNumbers numbers;
    private final ObjectMapper json;
    private final Clock clock;

    public AgentCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                                  AgentNumbers numbers, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.numbers = numbers;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<AgentView> create(@Valid @RequestBody AgentRequests.Create body,
                                            @AuthenticationPrincipal Caller caller) {
        Map<String, Object> config = checkedConfig(body.config());
        String agentId = Ids.newId(IdPrefix.AGENT, clock);
        commands.sendAndWait(new RegisterAgent(agentId, caller.tenantId(), caller.userId(),
                numbers.next(caller.tenantId()), body.name(), body.description(), config == null ? Map.of() : config,
                Boolean.TRUE.equals(body.voiceEnabled()), body.isActive() == null || body.isActive()));
        return respond(ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/agents/" + agentId)),
                agentId, 0, caller);
    }

    @PatchMapping("/{agentId}")
    public ResponseEntity<AgentView> patch(@PathVariable String agentId, @Valid @RequestBody AgentRequests.Update body,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch, @AuthenticationPrincipal Caller caller) {
        return update(agentId, body, ifMatch, caller);
    }

    @PutMapping("/{agentId}")
    public ResponseEntity<AgentView> put(@PathVariable String agentId, @Valid @RequestBody AgentRequests.Update body,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal Caller caller) {
        return update(agentId, body, ifMatch, caller);
    }

    @DeleteMapping("/{agentId}")
    public ResponseEntity<Void> delete(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        long version = commands.sendAndWait(new ArchiveAgent(agentId, caller.tenantId(), caller.userId()));
        readModel.awaitVersion(new FindAgentVersion(agentId), version);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<AgentView> update(String agentId, AgentRequests.Update body, String ifMatch,
                                             Caller caller) {
        if (body.status() != null && body.status() != AgentStatus.ARCHIVED) {
            throw DomainException.invalid("status can only be set to archived; a package's build decides the others");
        }
        checkedConfig(body.config());
        Long expected = IfMatch.expectedVersion(ifMatch, body.expectedVersion());
        boolean archive = body.status() == AgentStatus.ARCHIVED;
        if (!archive && body.changes().isEmpty()) {
            throw DomainException.invalid("The update changes nothing");
        }
        long version = expected == null ? -1 : expected;
        if (!body.changes().isEmpty()) {
            version = commands.sendAndWait(new UpdateAgent(agentId, caller.tenantId(), caller.userId(), expected,
                    body.changes()));
        }
        if (archive) {
            version = commands.sendAndWait(new ArchiveAgent(agentId, caller.tenantId(), caller.userId()));
        }
        return respond(ResponseEntity.ok(), agentId, version, caller);
    }

    /** Keys in clear have no place in an event: seed 003's {@code config.api_keys} belongs in the vault. */
    private Map<String, Object> checkedConfig(Map<String, Object> config) {
        if (config == null) {
            return null;
        }
        if (config.get("api_keys") instanceof Map<?, ?> keys && !keys.isEmpty()) {
            throw DomainException.invalid("config.api_keys cannot hold keys: store each as a credential "
                    + "(POST /api/v1/credentials) and name it in config.preferences");
        }
        try {
            if (json.writeValueAsBytes(config).length > AgentLimits.MAX_CONFIG_BYTES) {
                throw DomainException.invalid("config must be at most " + AgentLimits.MAX_CONFIG_BYTES
                        + " bytes of JSON");
            }
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("config is not valid JSON");
        }
        return config;
    }

    private ResponseEntity<AgentView> respond(ResponseEntity.BodyBuilder response, String agentId, long version,
                                              Caller caller) {
        AgentView view = readModel.readAtLeast(
                () -> queries.query(new FindAgent(agentId, caller.tenantId()), AgentView.class).join(),
                AgentView::version, new FindAgentVersion(agentId), version);
        response.eTag(IfMatch.etag(view == null ? version : view.version()));
        return view == null ? response.build() : response.body(view);
    }
}
