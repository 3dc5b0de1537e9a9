package io.agentledger.projection.approval;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.approval.ApprovalEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The approval read model written in the transaction of the command deciding or requesting it. */
@Component
@InlineReadModel
@ProcessingGroup(ApprovalDirectoryInline.GROUP)
public class ApprovalDirectoryInline {

    public static final String GROUP = "approval-directory-inline";

    private final ApprovalDirectoryWriter writer;

    ApprovalDirectoryInline(ApprovalDirectoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ApprovalEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }
}
