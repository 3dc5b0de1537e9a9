package io.agentledger.query.live;

import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import io.agentledger.kernel.system.SystemEvent.SystemModified;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Seed 003's live events for one caller, as its Socket.IO clients receive them: {@code agent:*} for the
 * tenant's agents, executions and the messages between agents ({@code agent:message},
 * {@code agent:broadcast}), {@code workflow:*} for its workflow executions, and
 * {@code system:architecture_updated} for its own and the platform's configuration — each only with the
 * read permission it needs. Same positions and resumption as the RSocket routes.
 */
@Component
public class PaiosStream {

    private final EventFeed feed;

    public PaiosStream(EventFeed feed) {
        this.feed = feed;
    }

    /** From after {@code from}, or from now when it is null. */
    public Flux<LiveMessage> follow(Caller caller, Long from) {
        FeedFilter tenantEvents = FeedFilter.tenant(caller.tenantId()).and(FeedFilter.aggregateType("AgentAggregate")
                .or(FeedFilter.aggregateType("ExecutionAggregate"))
                .or(FeedFilter.aggregateType("AgentMessageAggregate"))
                .or(FeedFilter.aggregateType("WorkflowExecutionAggregate")));
        FeedFilter modifications = SystemMessages.modificationsFor(caller.tenantId());
        AgentMessages agents = new AgentMessages();
        return feed.stream(from == null ? feed.head() : from, tenantEvents.or(modifications))
                .handle((event, sink) -> {
                    LiveMessage message = message(event, agents, caller);
                    if (message != null) {
                        sink.next(message);
                    }
                });
    }

    private static LiveMessage message(FeedEvent event, AgentMessages agents, Caller caller) {
        if (event.payload() instanceof SystemModified) {
            return caller.can(Permission.READ_SYSTEM) ? SystemMessages.of(event) : null;
        }
        if ("WorkflowExecutionAggregate".equals(event.aggregateType())) {
            return caller.can(Permission.READ_WORKFLOWS) ? WorkflowExecutionMessages.of(event) : null;
        }
        return caller.can(Permission.READ_AGENTS) ? agents.of(event) : null;
    }
}
