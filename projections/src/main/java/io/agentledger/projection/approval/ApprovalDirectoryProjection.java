package io.agentledger.projection.approval;

import io.agentledger.kernel.approval.ApprovalEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The approval read model's tracking projection: rebuilds it, applies what {@link ApprovalDirectoryInline} did not. */
@Component
@ProcessingGroup(ApprovalDirectoryProjection.GROUP)
public class ApprovalDirectoryProjection {

    public static final String GROUP = "approval-directory";

    private final ApprovalDirectoryWriter writer;

    ApprovalDirectoryProjection(ApprovalDirectoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ApprovalEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
