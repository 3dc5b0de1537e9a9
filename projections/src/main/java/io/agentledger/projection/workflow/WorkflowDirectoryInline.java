package io.agentledger.projection.workflow;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.workflow.WorkflowEvent;
import io.agentledger.kernel.workflow.WorkflowExecutionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The workflow read models written in the command's transaction: the caller reads its change at once. */
@Component
@InlineReadModel
@ProcessingGroup(WorkflowDirectoryInline.GROUP)
public class WorkflowDirectoryInline {

    public static final String GROUP = "workflow-directory-inline";

    private final WorkflowWriter writer;

    WorkflowDirectoryInline(WorkflowWriter writer) {
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
}
