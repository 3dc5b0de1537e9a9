package io.agentledger.command.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.WorkflowDefinition;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.FailNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.ResumeWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StopWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.SucceedNode;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionPaused;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionResumed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowExecutionStopped;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeFailed;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeStarted;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent.WorkflowNodeSucceeded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class WorkflowExecutionAggregateTest {

    private static final String ID = "wfx_1";
    private static final String TENANT = "tenant_1";
    private static final String WORKFLOW = "wf_1";

    private AggregateTestFixture<WorkflowExecutionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkflowExecutionAggregate.class);
    }

    private static WorkflowExecutionStarted started() {
        return new WorkflowExecutionStarted(ID, TENANT, WORKFLOW, 0, "user_1",
                new WorkflowDefinition(List.of(), List.of(), null, null, null, null), "in", ExecutionMode.FULL,
                "manual", null);
    }

    @Test
    void aNodeAttemptEndsOnceAndAnOldAttemptCannotStartAgain() {
        fixture.given(started(), new WorkflowNodeStarted(ID, TENANT, WORKFLOW, "a", 1, null),
                        new WorkflowNodeSucceeded(ID, TENANT, WORKFLOW, "a", 1, "out", 5))
                .when(new SucceedNode(ID, "a", 1, "again", 5))
                .expectNoEvents();
        fixture.given(started(), new WorkflowNodeStarted(ID, TENANT, WORKFLOW, "a", 1, null))
                .when(new StartNode(ID, "a", 1, null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aFailedExecutionResumesItsFailedNodesAndAPausedOneItsPausedNode() {
        fixture.given(started(), new WorkflowNodeStarted(ID, TENANT, WORKFLOW, "b", 1, null),
                        new WorkflowNodeFailed(ID, TENANT, WORKFLOW, "b", 1, "boom", 3, null),
                        new WorkflowExecutionFailed(ID, TENANT, WORKFLOW, "node b failed", "b", 10))
                .when(new ResumeWorkflowExecution(ID, TENANT, "user_1"))
                .expectEvents(new WorkflowExecutionResumed(ID, TENANT, WORKFLOW, "user_1", null, List.of("b")));
        fixture.given(started(), new WorkflowExecutionPaused(ID, TENANT, WORKFLOW, "c", "debug"))
                .when(new ResumeWorkflowExecution(ID, TENANT, "user_1"))
                .expectEvents(new WorkflowExecutionResumed(ID, TENANT, WORKFLOW, "user_1", "c", List.of()));
    }

    @Test
    void stopAndResumeAreTheTenantsAndOnlyWhereTheyMeanSomething() {
        fixture.given(started())
                .when(new StopWorkflowExecution(ID, "tenant_2", "intruder"))
                .expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(started(), new WorkflowExecutionStopped(ID, TENANT, WORKFLOW, "user_1"))
                .when(new StopWorkflowExecution(ID, TENANT, "user_1"))
                .expectException(DomainException.class);
        fixture.given(started())
                .when(new ResumeWorkflowExecution(ID, TENANT, "user_1"))
                .expectException(DomainException.class);
        fixture.given(started(), new WorkflowExecutionStopped(ID, TENANT, WORKFLOW, "user_1"))
                .when(new FailNode(ID, "a", 1, "late", 1, null))
                .expectNoEvents();
    }
}
