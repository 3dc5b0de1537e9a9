package io.agentledger.command.web;

import io.agentledger.axon.cluster.ClusterSignals;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for REST callers: after a command, waits (bounded) until the read model shows the
 * version the command produced, through a subscription query rather than polling, unless it already
 * does. The processor that updates it may run on another node: then the cluster signal its batch sends
 * has the version read again.
 */
@Component
public class ReadModelAwait {

    private final QueryGateway queries;
    private final ClusterSignals signals;
    private final Duration timeout;

    public ReadModelAwait(QueryGateway queries, ClusterSignals signals,
                          @Value("${agentledger.read-your-writes.timeout:PT5S}") Duration timeout) {
        this.queries = queries;
        this.signals = signals;
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
            Long reached = Flux.merge(otherNodes(versionQuery), result.initialResult().concatWith(result.updates()))
                    .filter(v -> v != null && v >= version)
                    .blockFirst(timeout);
            return reached != null;
        } catch (IllegalStateException timedOut) {
            return false;
        } finally {
            result.cancel();
        }
    }

    /** The version read again whenever a processor batch anywhere announces a change of this query's kind. */
    private Flux<Long> otherNodes(Object versionQuery) {
        String kind = versionQuery.getClass().getSimpleName();
        return Flux.<String>create(sink -> {
                    ClusterSignals.Registration registration = signals.on(ClusterSignals.READ_MODEL_VERSION, key -> {
                        if (kind.equals(key)) {
                            sink.next(key);
                        }
                    });
                    sink.onDispose(registration::cancel);
                })
                .onBackpressureLatest()
                .publishOn(Schedulers.boundedElastic(), 1)
                .map(signal -> {
                    Long now = queries.query(versionQuery, Long.class).join();
                    return now == null ? -1L : now;
                });
    }
}
