package io.agentledger.projection.workflow;

import io.agentledger.kernel.workflow.WorkflowEvent;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The workflow read models' tracking projection: rebuilds them by replay and applies what the inline one did not. */
@Component
@ProcessingGroup(WorkflowDirectoryProjection.GROUP)
public class WorkflowDirectoryProjection {

    public static final String GROUP = "workflow-directory";

    private final WorkflowWriter writer;

    WorkflowDirectoryProjection(WorkflowWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(WorkflowEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @EventHandler
    void on(WorkflowExecutionEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
