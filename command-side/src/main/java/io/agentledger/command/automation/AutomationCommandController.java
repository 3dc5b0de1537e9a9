package io.agentledger.command.automation;

import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.automation.AutomationCommands.CreateAutomation;
import io.agentledger.kernel.automation.AutomationCommands.DeleteAutomation;
import io.agentledger.kernel.automation.AutomationCommands.UpdateAutomation;
import io.agentledger.kernel.automation.AutomationQueries.FindAutomation;
import io.agentledger.kernel.automation.AutomationQueries.FindAutomationVersion;
import io.agentledger.kernel.automation.AutomationShapes;
import io.agentledger.kernel.automation.AutomationTrigger;
import io.agentledger.kernel.automation.AutomationView;
import io.agentledger.kernel.automation.AutomationWorkflow;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowQueries.WorkflowDefinitionAt;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** Seed 000's automations: saving (trigger and workflow checked), changing, deleting, and the templates. */
@RestController
public class AutomationCommandController {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final Clock clock;

    public AutomationCommandController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                                       Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.clock = clock;
    }

    record WorkflowRequest(String template, Map<String, Object> parameters, String workflowId) {
    }

    record AutomationRequest(String name, String description, AutomationTrigger trigger, WorkflowRequest workflow,
                             Boolean isActive) {
    }

    @GetMapping("/api/v1/automations/templates")
    @PreAuthorize("hasAuthority('read:automations')")
    public Map<String, Object> templates() {
        return Map.of("templates", AutomationTemplates.catalogue());
    }

    @PostMapping("/api/v1/automations")
    @PreAuthorize("hasAuthority('write:automations')")
    public ResponseEntity<Map<String, Object>> create(@RequestBody AutomationRequest body,
                                                 @AuthenticationPrincipal Caller caller) {
        String name = name(body.name());
        if (name == null) {
            throw DomainException.invalid("name is required");
        }
        description(body.description());
        if (body.trigger() == null || body.workflow() == null) {
            throw DomainException.invalid("trigger and workflow are required");
        }
        TriggerRules.check(body.trigger());
        AutomationWorkflow workflow = workflow(body.workflow(), caller);
        String automationId = Ids.newId(IdPrefix.AUTOMATION, clock);
        commands.sendAndWait(new CreateAutomation(automationId, caller.tenantId(), caller.userId(), name,
                body.description(), body.trigger(), workflow, body.isActive() == null || body.isActive()));
        return ResponseEntity.created(URI.create("/api/v1/automations/" + automationId))
                .body(AutomationShapes.automation(read(automationId, 0, caller)));
    }

    @PutMapping("/api/v1/automations/{automationId}")
    @PreAuthorize("hasAuthority('write:automations')")
    public Map<String, Object> update(@PathVariable String automationId, @RequestBody AutomationRequest body,
                                 @AuthenticationPrincipal Caller caller) {
        requireAutomation(automationId, caller);
        description(body.description());
        if (body.trigger() != null) {
            TriggerRules.check(body.trigger());
        }
        if (body.name() == null && body.description() == null && body.trigger() == null && body.workflow() == null
                && body.isActive() == null) {
            throw DomainException.invalid("The update changes nothing");
        }
        long version = commands.sendAndWait(new UpdateAutomation(automationId, caller.tenantId(), caller.userId(),
                name(body.name()), body.description(), body.trigger(),
                body.workflow() == null ? null : workflow(body.workflow(), caller), body.isActive()));
        return AutomationShapes.automation(read(automationId, version, caller));
    }

    @DeleteMapping("/api/v1/automations/{automationId}")
    @PreAuthorize("hasAuthority('write:automations')")
    public Map<String, Object> delete(@PathVariable String automationId, @AuthenticationPrincipal Caller caller) {
        requireAutomation(automationId, caller);
        long version = commands.sendAndWait(new DeleteAutomation(automationId, caller.tenantId(), caller.userId()));
        readModel.awaitVersion(new FindAutomationVersion(automationId), version);
        return Map.of("message", "Automation deleted successfully");
    }

    private AutomationWorkflow workflow(WorkflowRequest request, Caller caller) {
        if ((request.template() == null) == (request.workflowId() == null)) {
            throw DomainException.invalid("workflow needs either a template (" + String.join(", ",
                    AutomationTemplates.TEMPLATES.keySet().stream().sorted().toList()) + ") or a workflow_id");
        }
        if (request.workflowId() != null) {
            if (queries.query(new FindWorkflowDefinition(request.workflowId(), caller.tenantId()),
                    WorkflowDefinitionAt.class).join() == null) {
                throw DomainException.invalid("workflow.workflow_id names no workflow of yours");
            }
            if (request.parameters() != null && request.parameters().size() > 50) {
                throw DomainException.invalid("workflow.parameters may have at most 50 entries");
            }
            return new AutomationWorkflow(null, request.parameters() == null ? Map.of() : request.parameters(),
                    request.workflowId());
        }
        return new AutomationWorkflow(request.template(), AutomationTemplates.check(request.template(),
                request.parameters()), null);
    }

    private static String name(String given) {
        if (given == null) {
            return null;
        }
        String name = given.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.invalid("name must be 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    private static void description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("description must be at most " + MAX_DESCRIPTION + " characters");
        }
    }

    private void requireAutomation(String automationId, Caller caller) {
        if (queries.query(new FindAutomation(automationId, caller.tenantId()), AutomationView.class).join() == null) {
            throw DomainException.notFound("Automation " + automationId + " not found");
        }
    }

    private AutomationView read(String automationId, long version, Caller caller) {
        return readModel.readAtLeast(() -> queries.query(new FindAutomation(automationId, caller.tenantId()),
                AutomationView.class).join(), AutomationView::version, new FindAutomationVersion(automationId), version);
    }
}
