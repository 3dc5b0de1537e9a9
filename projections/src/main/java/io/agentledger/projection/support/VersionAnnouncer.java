package io.agentledger.projection.support;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Tells the subscribers of a "Find…Version" query that the read model has reached {@code version}
 * of an aggregate; writers wait on it for read-your-writes.
 */
@Component
public class VersionAnnouncer {

    private final QueryUpdateEmitter emitter;

    public VersionAnnouncer(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    public <Q> void announce(Class<Q> query, Function<Q, String> idOf, String id, long version) {
        emitter.emit(query, q -> id.equals(idOf.apply(q)), version);
    }
}
