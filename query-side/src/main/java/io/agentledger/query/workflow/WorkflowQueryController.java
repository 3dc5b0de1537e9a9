package io.agentledger.query.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.workflow.NodeLogView;
import io.agentledger.kernel.workflow.WorkflowExecutionStatus;
import io.agentledger.kernel.workflow.WorkflowExecutionView;
import io.agentledger.kernel.workflow.WorkflowPage;
import io.agentledger.kernel.workflow.WorkflowQueries.FindNodeLogs;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflow;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowQueries.ListWorkflowExecutions;
import io.agentledger.kernel.workflow.WorkflowQueries.ListWorkflows;
import io.agentledger.kernel.workflow.WorkflowView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Workflows (seeds 004 and 003), their versions, executions with node logs, and a workflow's history. */
@RestController
@PreAuthorize("hasAuthority('read:workflows')")
public class WorkflowQueryController {

    static final int MAX_SEARCH = 200;

    private final WorkflowQueryHandler workflows;

    public WorkflowQueryController(WorkflowQueryHandler workflows) {
        this.workflows = workflows;
    }

    @GetMapping("/api/v1/workflows")
    public Map<String, Object> list(@RequestParam(required = false) String search,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long offset,
                                    @RequestParam(required = false) Integer limit,
                                    @AuthenticationPrincipal Caller caller) {
        if (search != null && search.length() > MAX_SEARCH) {
            throw DomainException.invalid("search must be at most " + MAX_SEARCH + " characters");
        }
        ListShape shape = ListShape.of(page, size, offset, limit);
        WorkflowPage<WorkflowView> found = workflows.handle(new ListWorkflows(caller.tenantId(), search,
                shape.offset(), shape.limit()));
        return shape.answer("workflows", found.items(), found.total());
    }

    @GetMapping("/api/v1/workflows/{workflowId}")
    public ResponseEntity<WorkflowView> get(@PathVariable String workflowId,
                                            @RequestParam(name = "as_of", required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                            @RequestParam(required = false) Long version,
                                            @AuthenticationPrincipal Caller caller) {
        if (version != null && asOf != null) {
            throw DomainException.invalid("as_of or version: not both");
        }
        if (version != null && version < 0) {
            throw DomainException.invalid("version must be 0 or more");
        }
        WorkflowView workflow = workflows.handle(new FindWorkflow(workflowId, caller.tenantId(), version, asOf));
        if (workflow == null) {
            throw DomainException.notFound("Workflow " + workflowId + " not found"
                    + (version != null ? " at version " + version : asOf != null ? " as of " + asOf : ""));
        }
        return ResponseEntity.ok().eTag("\"" + workflow.version() + "\"").body(workflow);
    }

    /** Seed 003's execution history of one workflow, newest first. */
    @GetMapping("/api/v1/workflows/{workflowId}/history")
    public Map<String, Object> history(@PathVariable String workflowId,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) Long offset,
                                       @RequestParam(required = false) Integer limit,
                                       @AuthenticationPrincipal Caller caller) {
        if (workflows.handle(new FindWorkflow(workflowId, caller.tenantId(), null, null)) == null) {
            throw DomainException.notFound("Workflow " + workflowId + " not found");
        }
        return executions(workflowId, null, page, size, offset, limit, caller);
    }

    @GetMapping("/api/v1/executions")
    public Map<String, Object> executions(@RequestParam(name = "workflow_id", required = false) String workflowId,
                                          @RequestParam(required = false) WorkflowExecutionStatus status,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          @RequestParam(required = false) Long offset,
                                          @RequestParam(required = false) Integer limit,
                                          @AuthenticationPrincipal Caller caller) {
        ListShape shape = ListShape.of(page, size, offset, limit);
        WorkflowPage<WorkflowExecutionView> found = workflows.handle(new ListWorkflowExecutions(caller.tenantId(),
                workflowId, status, shape.offset(), shape.limit()));
        return shape.answer("executions", found.items(), found.total());
    }

    @GetMapping("/api/v1/executions/{executionId}")
    public WorkflowExecutionView execution(@PathVariable String executionId, @AuthenticationPrincipal Caller caller) {
        WorkflowExecutionView execution = workflows.handle(new FindWorkflowExecution(executionId, caller.tenantId()));
        if (execution == null) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
        return execution;
    }

    @GetMapping("/api/v1/executions/{executionId}/logs")
    public List<NodeLogView> logs(@PathVariable String executionId,
                                  @RequestParam(name = "node_id", required = false) String nodeId,
                                  @AuthenticationPrincipal Caller caller) {
        List<NodeLogView> logs = workflows.handle(new FindNodeLogs(executionId, caller.tenantId(), nodeId));
        if (logs == null) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
        return logs;
    }
}
