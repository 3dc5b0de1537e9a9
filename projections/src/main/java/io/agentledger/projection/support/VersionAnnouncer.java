package io.agentledger.projection.support;

import io.agentledger.axon.cluster.ClusterNodes;
import io.agentledger.axon.cluster.ClusterSignals;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Tells the subscribers of a "Find…Version" query that the read model has reached {@code version}
 * of an aggregate; writers wait on it for read-your-writes. Subscribers on this node hear it from the
 * query bus; those on other nodes from a cluster signal naming the query, sent once per tracking
 * processor batch in the batch's transaction (a read model kept in the command's transaction needs none:
 * it is read at once), and only while other nodes are live: a notifying commit takes PostgreSQL's
 * notification lock, which a node alone need not pay for.
 */
@Component
public class VersionAnnouncer {

    private final QueryUpdateEmitter emitter;
    private final ClusterSignals signals;
    private final ClusterNodes nodes;

    public VersionAnnouncer(QueryUpdateEmitter emitter, ClusterSignals signals, ClusterNodes nodes) {
        this.emitter = emitter;
        this.signals = signals;
        this.nodes = nodes;
    }

    public <Q> void announce(Class<Q> query, Function<Q, String> idOf, String id, long version) {
        emitter.emit(query, q -> id.equals(idOf.apply(q)), version);
        if (CurrentUnitOfWork.isStarted() && !nodes.alone()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            if (batch instanceof BatchingUnitOfWork
                    && batch.resources().putIfAbsent(ClusterSignals.READ_MODEL_VERSION + query.getName(), Boolean.TRUE) == null) {
                signals.send(ClusterSignals.READ_MODEL_VERSION, query.getSimpleName());
            }
        }
    }
}
