package io.agentledger.projection.support;

import io.agentledger.axon.cluster.ClusterNodes;
import io.agentledger.axon.cluster.ClusterSignals;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class VersionAnnouncerTest {

    record FindThingVersion(String id) {
    }

    record FindOtherVersion(String id) {
    }

    private final QueryUpdateEmitter emitter = mock(QueryUpdateEmitter.class);
    private final ClusterSignals signals = mock(ClusterSignals.class);
    private final ClusterNodes nodes = mock(ClusterNodes.class);
    private final VersionAnnouncer announcer = new VersionAnnouncer(emitter, signals, nodes);

    @Test
    void aTrackingBatchTellsOtherNodesOncePerQueryKind() {
        when(nodes.alone()).thenReturn(false);
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b")));
        batch.execute(() -> { // once for each of the batch's two events
            announcer.announce(FindThingVersion.class, FindThingVersion::id, "t1", 1);
            announcer.announce(FindThingVersion.class, FindThingVersion::id, "t2", 4);
            announcer.announce(FindOtherVersion.class, FindOtherVersion::id, "o1", 2);
        });
        verify(signals, times(1)).send(ClusterSignals.READ_MODEL_VERSION, "FindThingVersion");
        verify(signals, times(1)).send(ClusterSignals.READ_MODEL_VERSION, "FindOtherVersion");
        verify(emitter, times(6)).emit(any(Class.class), any(), any(Object.class));
    }

    @Test
    void noSignalFromACommandsOwnTransactionNorForANodeAlone() {
        when(nodes.alone()).thenReturn(false);
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("inline")).execute(() ->
                announcer.announce(FindThingVersion.class, FindThingVersion::id, "t1", 1));
        when(nodes.alone()).thenReturn(true);
        new BatchingUnitOfWork<>(GenericEventMessage.asEventMessage("alone")).execute(() ->
                announcer.announce(FindThingVersion.class, FindThingVersion::id, "t1", 2));
        verify(signals, never()).send(anyString(), anyString());
        verify(emitter, times(2)).emit(any(Class.class), any(), any(Object.class));
    }
}
