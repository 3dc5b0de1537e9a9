package io.agentledger.query.live;

import io.agentledger.kernel.approval.ApprovalEvent;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalDecided;
import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code approval.request} (seed 000) when an approval is created, then its decision or expiry. */
final class ApprovalMessages {

    private ApprovalMessages() {
    }

    static LiveMessage of(FeedEvent event, ApprovalEvent approval) {
        if (approval instanceof ApprovalRequested requested) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("action", requested.action());
            if (requested.payload() != null) {
                payload.putAll(requested.payload());
            }
            return LiveMessage.of("approval.request", event, Data.from(event, "approval_id", "run_id", "goal_id")
                    .with("payload", payload).withAll(Data.from(event, "deadline", "reason", "estimated_cost")
                            .map()).map());
        }
        if (approval instanceof ApprovalDecided) {
            return LiveMessage.of("approval.decided", event, Data.from(event, "approval_id", "run_id", "decision",
                    "decided_by", "comments", "payload").map());
        }
        return LiveMessage.of("approval.expired", event, Data.from(event, "approval_id", "run_id", "deadline")
                .map());
    }
}
