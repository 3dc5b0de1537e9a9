package io.agentledger.command.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.web.IfMatch;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.WorkflowCommands.CreateWorkflow;
import io.agentledger.kernel.workflow.WorkflowCommands.DeleteWorkflow;
import io.agentledger.kernel.workflow.WorkflowCommands.ReviseWorkflow;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.ResumeWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StopWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflow;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecutionVersion;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowVersion;
import io.agentledger.kernel.workflow.WorkflowQueries.WorkflowDefinitionAt;
import io.agentledger.kernel.workflow.WorkflowExecutionView;
import io.agentledger.kernel.workflow.WorkflowView;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflows of seeds 004 and 003: saving (each save a version), validating, running (004's {@code run},
 * 003's {@code execute}), and stopping or resuming an execution.
 */
@RestController
@PreAuthorize("hasAuthority('write:workflows')")
public class WorkflowCommandController {

    static final int MAX_INPUT_BYTES = 32 * 1024;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final WorkflowValidator validator;
    private final ObjectMapper json;
    private final Clock clock;

    public WorkflowCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                                     WorkflowValidator validator, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/workflows")
    public ResponseEntity<WorkflowView> create(@Valid @RequestBody WorkflowRequest body,
                                               @AuthenticationPrincipal Caller caller) {
        if (body.name() == null) {
            throw DomainException.invalid("A workflow needs a name");
        }
        WorkflowDefinition definition = body.toDefinition();
        String workflowId = Ids.newId(IdPrefix.WORKFLOW, clock);
        commands.sendAndWait(new CreateWorkflow(workflowId, caller.tenantId(), caller.userId(), body.name(),
                body.description(), definition == null ? new WorkflowDefinition(List.of(), List.of(), null, null, null,
                null) : definition, body.isActive() == null || body.isActive()));
        return respond(ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/workflows/"
                + workflowId)), workflowId, 0, caller);
    }

    @PutMapping("/api/v1/workflows/{workflowId}")
    public ResponseEntity<WorkflowView> update(@PathVariable String workflowId, @Valid @RequestBody WorkflowRequest body,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch, @AuthenticationPrincipal Caller caller) {
        WorkflowDefinition definition = mergedDefinition(workflowId, body, caller);
        long version = commands.sendAndWait(new ReviseWorkflow(workflowId, caller.tenantId(), caller.userId(),
                IfMatch.expectedVersion(ifMatch, body.expectedVersion()), body.name(), body.description(), definition,
                body.isActive()));
        return respond(ResponseEntity.ok(), workflowId, version, caller);
    }

    @DeleteMapping("/api/v1/workflows/{workflowId}")
    public ResponseEntity<Void> delete(@PathVariable String workflowId, @AuthenticationPrincipal Caller caller) {
        long version = commands.sendAndWait(new DeleteWorkflow(workflowId, caller.tenantId(), caller.userId()));
        readModel.awaitVersion(new FindWorkflowVersion(workflowId), version);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/workflows/{workflowId}/validate")
    public Map<String, Object> validateSaved(@PathVariable String workflowId, @AuthenticationPrincipal Caller caller) {
        return validation(current(workflowId, caller).definition(), caller);
    }

    /** Seed 003: the body is a definition (either shape), validated without being saved. */
    @PostMapping("/api/v1/workflows/validate")
    public Map<String, Object> validate(@Valid @RequestBody WorkflowRequest body,
                                        @AuthenticationPrincipal Caller caller) {
        WorkflowDefinition definition = body.toDefinition();
        if (definition != null) {
            WorkflowShape.check("unsaved", definition);
        }
        return validation(definition, caller);
    }

    public record RunRequest(Object input, Object inputData, ExecutionMode mode, String priority) {
    }

    @PostMapping("/api/v1/workflows/{workflowId}/run")
    public Map<String, Object> run(@PathVariable String workflowId, @RequestBody(required = false) RunRequest body,
                                   @AuthenticationPrincipal Caller caller) {
        return start(workflowId, body, caller);
    }

    @PostMapping("/api/v1/workflows/{workflowId}/execute")
    public Map<String, Object> execute(@PathVariable String workflowId, @RequestBody(required = false) RunRequest body,
                                       @AuthenticationPrincipal Caller caller) {
        Map<String, Object> started = start(workflowId, body, caller);
        return Map.of("success", true, "data", started);
    }

    @PostMapping("/api/v1/executions/{executionId}/stop")
    public Map<String, Object> stop(@PathVariable String executionId, @AuthenticationPrincipal Caller caller) {
        requireExecution(executionId, caller);
        commands.sendAndWait(new StopWorkflowExecution(executionId, caller.tenantId(), caller.userId()));
        return Map.of("message", "Execution stopped");
    }

    @PostMapping("/api/v1/executions/{executionId}/resume")
    public Map<String, Object> resume(@PathVariable String executionId, @AuthenticationPrincipal Caller caller) {
        requireExecution(executionId, caller);
        commands.sendAndWait(new ResumeWorkflowExecution(executionId, caller.tenantId(), caller.userId()));
        return Map.of("message", "Execution resumed");
    }

    private Map<String, Object> start(String workflowId, RunRequest body, Caller caller) {
        WorkflowDefinitionAt workflow = current(workflowId, caller);
        if (!workflow.isActive()) {
            throw DomainException.conflict("Workflow " + workflowId + " is not active");
        }
        List<WorkflowValidator.Problem> problems = validator.problems(workflow.definition(), caller.tenantId());
        if (!problems.isEmpty()) {
            throw DomainException.badRequest("Invalid workflow: " + String.join("; ", problems.stream()
                    .map(WorkflowValidator.Problem::message).toList()));
        }
        Object input = body == null ? null : body.input() != null ? body.input() : body.inputData();
        checkSize(input);
        ExecutionMode mode = body == null || body.mode() == null ? ExecutionMode.FULL : body.mode();
        String executionId = Ids.newId(IdPrefix.WORKFLOW_EXECUTION, clock);
        commands.sendAndWait(new StartWorkflowExecution(executionId, caller.tenantId(), workflowId, workflow.version(),
                caller.userId(), workflow.definition(), input, mode, "manual", null));
        readModel.awaitVersion(new FindWorkflowExecutionVersion(executionId), 0);
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("execution_id", executionId);
        started.put("status", "pending");
        started.put("workflow_id", workflowId);
        started.put("mode", mode.name().toLowerCase());
        return started;
    }

    private WorkflowDefinitionAt current(String workflowId, Caller caller) {
        WorkflowDefinitionAt workflow = queries.query(new FindWorkflowDefinition(workflowId, caller.tenantId()),
                WorkflowDefinitionAt.class).join();
        if (workflow == null) {
            throw DomainException.notFound("Workflow " + workflowId + " not found");
        }
        return workflow;
    }

    /** A PUT that sends only 003's settings keeps the saved graph, and one that sends only the graph keeps the settings. */
    private WorkflowDefinition mergedDefinition(String workflowId, WorkflowRequest body, Caller caller) {
        WorkflowDefinition changed = body.toDefinition();
        if (changed == null) {
            return null;
        }
        WorkflowDefinition saved = current(workflowId, caller).definition();
        boolean graph = body.nodes() != null || body.edges() != null
                || body.definition() != null && body.definition().get("steps") != null;
        Map<String, Object> settings = body.definition() == null ? Map.of() : body.definition();
        return new WorkflowDefinition(graph ? changed.nodes() : saved.nodes(), graph ? changed.edges() : saved.edges(),
                settings.containsKey("trigger") ? changed.trigger() : saved.trigger(),
                settings.containsKey("error_handling") ? changed.errorHandling() : saved.errorHandling(),
                settings.containsKey("timeout_ms") ? changed.timeoutMs() : saved.timeoutMs(),
                settings.containsKey("retry_policy") ? changed.retryPolicy() : saved.retryPolicy());
    }

    private Map<String, Object> validation(WorkflowDefinition definition, Caller caller) {
        List<Map<String, Object>> errors = validator.problems(definition, caller.tenantId()).stream()
                .map(problem -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("node_id", problem.nodeId());
                    error.put("message", problem.message());
                    return error;
                }).toList();
        return Map.of("valid", errors.isEmpty(), "errors", errors);
    }

    private void requireExecution(String executionId, Caller caller) {
        if (queries.query(new FindWorkflowExecution(executionId, caller.tenantId()), WorkflowExecutionView.class)
                .join() == null) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
    }

    private void checkSize(Object input) {
        try {
            if (input != null && json.writeValueAsBytes(input).length > MAX_INPUT_BYTES) {
                throw DomainException.invalid("input must be at most " + MAX_INPUT_BYTES + " bytes of JSON");
            }
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("input is not valid JSON");
        }
    }

    private ResponseEntity<WorkflowView> respond(ResponseEntity.BodyBuilder response, String workflowId, long version,
                                                 Caller caller) {
        WorkflowView view = readModel.readAtLeast(
                () -> queries.query(new FindWorkflow(workflowId, caller.tenantId(), null, null), WorkflowView.class)
                        .join(), WorkflowView::version, new FindWorkflowVersion(workflowId), version);
        response.eTag(IfMatch.etag(view == null ? version : view.version()));
        return view == null ? response.build() : response.body(view);
    }
}
