package io.agentledger.projection.approval;

import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;
import io.agentledger.kernel.approval.ApprovalQueries.FindApprovalVersion;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
@ProcessingGroup(ApprovalDirectoryProjection.GROUP)
public class ApprovalDirectoryProjection {

    public static final String GROUP = "approval-directory";

    private final ApprovalViewRepository approvals;
    private final VersionAnnouncer versions;

    public ApprovalDirectoryProjection(ApprovalViewRepository approvals, VersionAnnouncer versions) {
        this.approvals = approvals;
        this.versions = versions;
    }

    @EventHandler
    void on(ApprovalRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        approvals.insert(event, version, at);
        announce(event.approvalId(), version);
    }

    @EventHandler
    void on(ApprovalDecided event, @SequenceNumber long version, @Timestamp Instant at) {
        approvals.decided(event, version, at);
        announce(event.approvalId(), version);
    }

    @EventHandler
    void on(ApprovalExpired event, @SequenceNumber long version, @Timestamp Instant at) {
        approvals.expired(event.approvalId(), version, at);
        announce(event.approvalId(), version);
    }

    @ResetHandler
    void reset() {
        approvals.deleteAll();
    }

    private void announce(String approvalId, long version) {
        versions.announce(FindApprovalVersion.class, FindApprovalVersion::approvalId, approvalId, version);
    }
}
