package io.agentledger.query.workflow;

import io.agentledger.kernel.workflow.NodeLogView;
import io.agentledger.kernel.workflow.WorkflowExecutionView;
import io.agentledger.kernel.workflow.WorkflowPage;
import io.agentledger.kernel.workflow.WorkflowQueries.FindNodeLogs;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflow;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowExecutionVersion;
import io.agentledger.kernel.workflow.WorkflowQueries.FindWorkflowVersion;
import io.agentledger.kernel.workflow.WorkflowQueries.ListWorkflowExecutions;
import io.agentledger.kernel.workflow.WorkflowQueries.ListWorkflows;
import io.agentledger.kernel.workflow.WorkflowQueries.WorkflowDefinitionAt;
import io.agentledger.kernel.workflow.WorkflowView;
import io.agentledger.projection.workflow.WorkflowExecutionRepository;
import io.agentledger.projection.workflow.WorkflowRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
public class WorkflowQueryHandler {

    private final WorkflowRepository workflows;
    private final WorkflowExecutionRepository executions;

    public WorkflowQueryHandler(WorkflowRepository workflows, WorkflowExecutionRepository executions) {
        this.workflows = workflows;
        this.executions = executions;
    }

    @QueryHandler
    public WorkflowView handle(FindWorkflow query) {
        if (query.version() == null && query.asOf() == null) {
            return workflows.find(query.workflowId(), query.tenantId()).orElse(null);
        }
        return workflows.findPast(query.workflowId(), query.tenantId(), query.version(), query.asOf()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindWorkflowVersion query) {
        return workflows.version(query.workflowId());
    }

    @QueryHandler
    public WorkflowDefinitionAt handle(FindWorkflowDefinition query) {
        return workflows.definition(query.workflowId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public WorkflowPage<WorkflowView> handle(ListWorkflows query) {
        return workflows.list(query);
    }

    @QueryHandler
    public WorkflowExecutionView handle(FindWorkflowExecution query) {
        return executions.find(query.executionId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindWorkflowExecutionVersion query) {
        return executions.version(query.executionId());
    }

    @QueryHandler
    public WorkflowPage<WorkflowExecutionView> handle(ListWorkflowExecutions query) {
        return executions.list(query);
    }

    /** Null when the execution is not the tenant's. */
    public List<NodeLogView> handle(FindNodeLogs query) {
        return executions.find(query.executionId(), query.tenantId())
                .map(found -> executions.attempts(query.executionId(), query.nodeId())).orElse(null);
    }
}
