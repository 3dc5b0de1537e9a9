package io.agentledger.axon.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;

/**
 * The store's sealed events in the order and with the tokens a tracking processor reads them, in fetches
 * as large as the caller asks: a rebuild reads the whole store once for every projection it rebuilds.
 */
public interface TrackedEventReader {

    /** Up to {@code max} events after {@code after} (null: from the first), payloads deserialised on first use. */
    List<TrackedEventMessage<?>> readAfter(TrackingToken after, int max);
}
