package io.agentledger.app.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.app.web.BusinessErrors;
import io.agentledger.axon.input.NulCharacters;
import io.agentledger.command.agent.AgentCommandController;
import io.agentledger.command.agent.AgentRequests;
import io.agentledger.command.memory.AgentMemoryCommandController;
import io.agentledger.command.workflow.WorkflowCommandController;
import io.agentledger.kernel.agent.AgentMessageCommands.RecordAgentMessage;
import io.agentledger.kernel.agent.AgentMessageEvent.AgentMessageRecorded;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentByNumber;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.Digests;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.memory.AgentMemoryQueryController;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 003's agent message protocol: an envelope {@code {id, version: "1.0", type, method, params,
 * source: {agent_number | agent_id}, target: {agent_number | agent_id | broadcast}}} from one of the caller's
 * agents, answered with a {@code response} (or {@code error}) envelope carrying the same {@code id}. Every
 * message is an event ({@code AgentMessageRecorded}, once per source agent and envelope id); a message to
 * another agent, or a broadcast, reaches that agent's live subscribers as {@code agent:message} /
 * {@code agent:broadcast}. Each method runs as its REST route does, with the caller's permissions.
 */
@Component
public class AgentMessageProtocol {

    static final Set<String> METHODS = Set.of("agent.register", "agent.send_message", "workflow.execute",
            "system.get_state", "memory.store", "memory.query");
    static final int MAX_PARAMS_BYTES = 32 * 1024;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore events;
    private final AgentCommandController agents;
    private final WorkflowCommandController workflows;
    private final AgentMemoryCommandController memoryWrites;
    private final AgentMemoryQueryController memoryReads;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;

    public AgentMessageProtocol(CommandGateway commands, QueryGateway queries, EventStore events,
                                AgentCommandController agents, WorkflowCommandController workflows,
                                AgentMemoryCommandController memoryWrites, AgentMemoryQueryController memoryReads,
                                Validator validator, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.events = events;
        this.agents = agents;
        this.workflows = workflows;
        this.memoryWrites = memoryWrites;
        this.memoryReads = memoryReads;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /** The answer envelope; a refusal is an {@code error} envelope, never an exception. */
    public Map<String, Object> handle(Map<String, Object> envelope, Caller caller) {
        Object id = envelope == null ? null : envelope.get("id");
        java.util.Optional<String> nul = NulCharacters.find(envelope);
        if (nul.isPresent()) {
            return error(id, "VALIDATION_ERROR", nul.get() + " " + NulCharacters.MESSAGE);
        }
        try {
            return AsCaller.run(caller, () -> answer(envelope, caller));
        } catch (AccessDeniedException denied) {
            return error(id, "FORBIDDEN", "not allowed for your role");
        } catch (RuntimeException e) {
            BusinessError refused = BusinessErrors.of(e);
            if (refused == null) {
                throw e;
            }
            return error(id, refused.code().name(), refused.detail());
        }
    }

    private Map<String, Object> answer(Map<String, Object> envelope, Caller caller) {
        if (envelope == null || !(envelope.get("id") instanceof String id) || id.isBlank() || id.length() > 100) {
            throw DomainException.invalid("id must be a string of 1 to 100 characters");
        }
        if (!"1.0".equals(envelope.get("version"))) {
            throw DomainException.invalid("version must be \"1.0\"");
        }
        if (!List.of("request", "notification").contains(envelope.get("type"))) {
            throw DomainException.invalid("type must be request or notification");
        }
        if (!(envelope.get("method") instanceof String method) || !METHODS.contains(method)) {
            throw DomainException.invalid("method must be one of " + new java.util.TreeSet<>(METHODS));
        }
        Map<String, Object> params = envelope.get("params") == null ? Map.of() : map(envelope.get("params"),
                "params");
        if (bytes(params) > MAX_PARAMS_BYTES) {
            throw DomainException.invalid("params must be at most " + MAX_PARAMS_BYTES + " bytes of JSON");
        }
        AgentView source = agent(map(envelope.get("source"), "source"), caller, "source");
        Map<String, Object> target = envelope.get("target") == null ? Map.of() : map(envelope.get("target"), "target");
        boolean broadcast = Boolean.TRUE.equals(target.get("broadcast"));
        AgentView to = broadcast || target.isEmpty() ? null : agent(target, caller, "target");
        if (method.equals("agent.send_message") && to == null && !broadcast) {
            throw DomainException.invalid("agent.send_message needs a target agent or broadcast: true");
        }
        java.util.function.Supplier<Object> action = prepare(method, params, source, caller);
        String messageId = "msg_" + Digests.sha256(caller.tenantId() + "|" + source.id() + "|" + id, 26);
        if (events.readEvents(messageId, 0).hasNext()) {
            throw DomainException.conflict("message " + id + " of agent " + source.agentNumber() + " was sent before");
        }
        commands.sendAndWait(new RecordAgentMessage(messageId, new AgentMessageRecorded(messageId, caller.tenantId(),
                caller.userId(), id, (String) envelope.get("type"), method, source.id(), source.agentNumber(),
                to == null ? null : to.id(), to == null ? null : to.agentNumber(), broadcast,
                params.get("message_type") instanceof String type ? type : method, params)));
        Object result = action.get();
        Map<String, Object> response = base(id);
        response.put("type", "response");
        response.put("result", json.convertValue(result, Object.class));
        response.put("message_id", messageId);
        return response;
    }

    /** What the method does, its parameters checked first: a refused message is not recorded. */
    private java.util.function.Supplier<Object> prepare(String method, Map<String, Object> params, AgentView source,
                                                       Caller caller) {
        switch (method) {
            case "agent.register" -> {
                AgentRequests.Create request = valid(new AgentRequests.Create(text(params, "name"),
                        (String) params.get("description"), params.get("config") == null ? null
                        : map(params.get("config"), "params.config"), null, null), "params");
                return () -> agents.create(request, caller).getBody();
            }
            case "agent.send_message" -> {
                return () -> Map.of("delivered", true);
            }
            case "workflow.execute" -> {
                String workflowId = text(params, "workflow_id");
                return () -> workflows.execute(workflowId, new WorkflowCommandController.RunRequest(
                        params.get("input"), null, null, null), caller);
            }
            case "system.get_state" -> {
                return () -> state(source, caller);
            }
            case "memory.store" -> {
                AgentMemoryCommandController.StoreRequest request = valid(new AgentMemoryCommandController
                        .StoreRequest((String) params.get("memory_type"), params.get("content"), null, null), "params");
                return () -> {
                    try {
                        return memoryWrites.store(source.id(), request, caller);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw DomainException.invalid("params.content is not JSON");
                    }
                };
            }
            default -> {
                Integer limit = params.get("limit") instanceof Number number ? number.intValue() : null;
                return () -> memoryReads.query(source.id(), (String) params.get("memory_type"), null, null, limit,
                        caller);
            }
        }
    }

    private Map<String, Object> state(AgentView source, Caller caller) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("agent", Map.of("agent_id", source.id(), "agent_number", source.agentNumber(), "status",
                source.status().name().toLowerCase()));
        state.put("tenant_id", caller.tenantId());
        state.put("timestamp", clock.instant().toString());
        return state;
    }

    private AgentView agent(Map<String, Object> reference, Caller caller, String field) {
        AgentView agent = null;
        if (reference.get("agent_id") instanceof String agentId) {
            agent = queries.query(new FindAgent(agentId, caller.tenantId()), AgentView.class).join();
        } else if (reference.get("agent_number") instanceof Number number) {
            agent = queries.query(new FindAgentByNumber(number.longValue(), caller.tenantId()), AgentView.class)
                    .join();
        } else {
            throw DomainException.invalid(field + " must name an agent_number or an agent_id");
        }
        if (agent == null) {
            throw DomainException.notFound("The " + field + " agent is not one of yours");
        }
        return agent;
    }

    private Map<String, Object> map(Object value, String field) {
        if (!(value instanceof Map<?, ?>)) {
            throw DomainException.invalid(field + " must be an object");
        }
        return json.convertValue(value, MAP);
    }

    private static String text(Map<String, Object> params, String name) {
        if (!(params.get(name) instanceof String value) || value.isBlank()) {
            throw DomainException.invalid("params." + name + " is required");
        }
        return value;
    }

    private <T> T valid(T request, String field) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.iterator().next();
            throw DomainException.invalid(field + "." + first.getPropertyPath() + " " + first.getMessage());
        }
        return request;
    }

    private int bytes(Object value) {
        try {
            return json.writeValueAsBytes(value).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DomainException.invalid("params are not JSON");
        }
    }

    private Map<String, Object> error(Object id, String code, String message) {
        Map<String, Object> error = base(id instanceof String text ? text : null);
        error.put("type", "error");
        error.put("error", Map.of("code", code, "message", message));
        return error;
    }

    private Map<String, Object> base(String id) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("version", "1.0");
        envelope.put("timestamp", clock.instant().toString());
        envelope.put("source", Map.of("agent_number", 0, "agent_id", "agentledger"));
        return envelope;
    }
}
