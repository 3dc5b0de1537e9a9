package io.agentledger.projection.approval;

import io.agentledger.kernel.approval.ApprovalEvent;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalExpired;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;
import io.agentledger.kernel.approval.ApprovalQueries.FindApprovalVersion;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Applies an approval's event to approval_view when the row stands at the version before it, for both
 * the inline and the tracking projection: whichever comes second changes nothing.
 */
@Component
class ApprovalDirectoryWriter {

    private final ApprovalViewRepository approvals;
    private final VersionAnnouncer versions;

    ApprovalDirectoryWriter(ApprovalViewRepository approvals, VersionAnnouncer versions) {
        this.approvals = approvals;
        this.versions = versions;
    }

    void apply(ApprovalEvent event, long version, Instant at) {
        if (applied(event, version, StoredTime.of(at))) {
            versions.announce(FindApprovalVersion.class, FindApprovalVersion::approvalId, event.approvalId(),
                    version);
        }
    }

    private boolean applied(ApprovalEvent event, long version, Instant at) {
        if (event instanceof ApprovalRequested requested) {
            return approvals.insert(requested, version, at);
        }
        if (event instanceof ApprovalDecided decided) {
            return approvals.decided(decided, version, at);
        }
        if (event instanceof ApprovalExpired expired) {
            return approvals.expired(expired.approvalId(), version, at);
        }
        throw new IllegalArgumentException("Unknown approval event " + event.getClass().getName());
    }

    void reset() {
        approvals.deleteAll();
    }
}
