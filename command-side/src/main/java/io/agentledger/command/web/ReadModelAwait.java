package io.agentledger.command.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for REST callers: after a command, waits (bounded) until the read model shows the
 * version the command produced, through a subscription query rather than polling, unless it already
 * does.
 */
@Component
public class ReadModelAwait {

    private final QueryGateway queries;
    private final Duration timeout;

    public ReadModelAwait(QueryGateway queries,
                          @Value("${agentledger.read-your-writes.timeout:PT5S}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /** @return whether the read model reached {@code version} in time; callers answer regardless */
    public boolean awaitVersion(Object versionQuery, long version) {
        Long now = queries.query(versionQuery, Long.class).join();
        return now != null && now >= version || subscribeUntil(versionQuery, version);
    }

    /**
     * The read model's view once it shows {@code version}: read at once, which suffices when the read
     * model is kept in the command's transaction; else after waiting for it. Null when it is not
     * there in time.
     */
    public <T> T readAtLeast(Supplier<T> read, ToLongFunction<T> versionOf, Object versionQuery, long version) {
        T view = read.get();
        if (view != null && versionOf.applyAsLong(view) >= version) {
            return view;
        }
        return subscribeUntil(versionQuery, version) ? read.get() : null;
    }

    private boolean subscribeUntil(Object versionQuery, long version) {
        SubscriptionQueryResult<Long, Long> result = queries.subscriptionQuery(versionQuery,
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(Long.class));
        try {
            Long reached = result.initialResult().concatWith(result.updates())
                    .filter(v -> v != null && v >= version)
                    .blockFirst(timeout);
            return reached != null;
        } catch (IllegalStateException timedOut) {
            return false;
        } finally {
            result.cancel();
        }
    }
}
