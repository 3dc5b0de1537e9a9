package io.agentledger.query.live;

import io.agentledger.kernel.approval.ApprovalEvent;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Seed 000's live feed for one caller: {@code run.update} of the tenant's runs, {@code approval.request}
 * (and its decision or expiry), and {@code goal.completed}, each of them only with the read permission
 * it needs. The same messages, positions and resumption as the RSocket routes.
 */
@Component
public class MindMeshStream {

    private static final int FOLLOWED_RUNS = 1000;

    private final EventFeed feed;
    private final StoredEvents store;

    public MindMeshStream(EventFeed feed, StoredEvents store) {
        this.feed = feed;
        this.store = store;
    }

    /** From after {@code from}, or from now when it is null. */
    public Flux<LiveMessage> follow(Caller caller, Long from) {
        FeedFilter types = FeedFilter.aggregateType("RunAggregate").or(FeedFilter.aggregateType("ApprovalAggregate"))
                .or(FeedFilter.aggregateType("GoalAggregate"));
        RunLines lines = new RunLines(store, FOLLOWED_RUNS);
        return feed.stream(from == null ? feed.head() : from, FeedFilter.tenant(caller.tenantId()).and(types))
                .handle((event, sink) -> {
                    LiveMessage message = message(event, lines, caller);
                    if (message != null) {
                        sink.next(message);
                    }
                });
    }

    private static LiveMessage message(FeedEvent event, RunLines lines, Caller caller) {
        if ("RunAggregate".equals(event.aggregateType()) && caller.can(Permission.READ_RUNS)) {
            LiveMessage message = RunMessages.of(event, lines);
            return message != null && RunMessages.UPDATE.equals(message.type()) ? message : null;
        }
        if (event.payload() instanceof ApprovalEvent approval && caller.can(Permission.READ_APPROVALS)) {
            return ApprovalMessages.of(event, approval);
        }
        if ("GoalAggregate".equals(event.aggregateType()) && caller.can(Permission.READ_GOALS)) {
            LiveMessage message = GoalMessages.of(event);
            return message != null && message.type().equals("goal.completed") ? message : null;
        }
        return null;
    }
}
